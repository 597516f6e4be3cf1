package org.tutti.client.settings;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.tutti.client.model.FaderLaw;
import org.tutti.client.model.FaderSettings;
import org.tutti.client.model.MixerModel;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * Jamulus's mixer setup, as its CClientSettings::ReadFaderSettingsFromXML reads it (3.9 and later): an XML document
 * whose {@code <client>} element holds, for index 0..249, {@code storedfadertagN_base64} (the musician's name, UTF-8 in
 * base64), {@code storedfaderlevelN} (0..100), {@code storedpanvalueN} (0..100), {@code storedfaderissoloN} and
 * {@code storedfaderismuteN} ("1"/"0") and {@code storedgroupidN} (−1 none, 0..7 for groups 1..8). A {@code .jch} file
 * and a whole {@code Jamulus.ini} both have this shape. As in Jamulus, an index without a tag is skipped and a value
 * out of range keeps the default; an undecodable tag is dropped and counted.
 */
final class JamulusMixerSetup {
    static final int MAX_STORED = 250;

    private JamulusMixerSetup() {
    }

    /** A bare {@code <!DOCTYPE TheJamulusProject>} (older Jamulus files, test harnesses): no subset, no external id. */
    private static final java.util.regex.Pattern PLAIN_DOCTYPE =
            java.util.regex.Pattern.compile("^(<\\?xml[^>]*\\?>\\s*)?<!DOCTYPE\\s+[A-Za-z_][\\w.-]*\\s*>");

    static MixerSetupFile.Loaded parse(String text) throws IOException {
        // A plain DOCTYPE declares nothing; anything more (entities, external DTDs) is refused by the parser below.
        String xml = PLAIN_DOCTYPE.matcher(text).replaceFirst("$1");
        Element client;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // Someone else's file: no DTDs, no external entities
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setExpandEntityReferences(false);
            var doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            client = doc.getDocumentElement();
        } catch (Exception e) {
            throw new IOException("not a Jamulus mixer setup file: " + e.getMessage(), e);
        }
        if (client == null || !client.getTagName().equals("client")) {
            throw new IOException("not a Jamulus mixer setup file: no <client> section");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (var n = client.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                values.putIfAbsent(e.getTagName(), e.getTextContent()); // Qt reads the first element of a name
            }
        }
        Map<String, FaderSettings> out = new LinkedHashMap<>();
        int dropped = 0;
        for (int i = 0; i < MAX_STORED; i++) {
            String tag64 = values.getOrDefault("storedfadertag" + i + "_base64", "").strip();
            if (tag64.isEmpty()) {
                continue;
            }
            String name;
            try {
                name = new String(Base64.getMimeDecoder().decode(tag64), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                dropped++;
                continue;
            }
            if (name.isBlank()) {
                dropped++;
                continue;
            }
            FaderSettings d = FaderSettings.DEFAULT;
            int fader = number(values.get("storedfaderlevel" + i), 0, FaderLaw.MAX, d.fader());
            int pan = number(values.get("storedpanvalue" + i), 0, FaderLaw.MAX, d.pan());
            boolean solo = flag(values.get("storedfaderissolo" + i));
            boolean mute = flag(values.get("storedfaderismute" + i));
            int groupId = number(values.get("storedgroupid" + i), -1, MixerModel.GROUPS - 1, -1);
            out.putIfAbsent(name, new FaderSettings(fader, pan, mute, solo, groupId + 1));
        }
        return new MixerSetupFile.Loaded(out, dropped);
    }

    /** Jamulus's GetNumericIniSet: the value if it is a number within range, else the default. */
    private static int number(String text, int min, int max, int otherwise) {
        if (text == null) {
            return otherwise;
        }
        int v;
        try {
            v = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            v = 0; // QString::toInt gives 0, which is then range-checked
        }
        return v >= min && v <= max ? v : otherwise;
    }

    /** Jamulus's GetFlagIniSet: a non-zero number is true; empty or missing is false (the default). */
    private static boolean flag(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            return Integer.parseInt(text.strip()) != 0;
        } catch (NumberFormatException e) {
            return false; // QString::toInt gives 0
        }
    }
}
