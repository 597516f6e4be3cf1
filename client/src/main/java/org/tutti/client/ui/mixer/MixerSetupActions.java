package org.tutti.client.ui.mixer;

import java.awt.Component;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.tutti.client.model.FaderSettings;
import org.tutti.client.model.MixerModel;
import org.tutti.client.settings.MixerSetupFile;
import org.tutti.client.ui.I18n;

/**
 * File → Load/Save Mixer Channels Setup and the Edit menu's board-wide changes. The model decides (through
 * {@link MixerActions#edit}); this class only asks for a file, and reads and writes it off the EDT.
 */
public final class MixerSetupActions {
    private final Component parent;
    private final MixerActions actions;

    public MixerSetupActions(Component parent, MixerActions actions) {
        this.parent = parent;
        this.actions = actions;
    }

    /** Asks where to save, then saves (EDT). */
    public void chooseAndSave() {
        JFileChooser chooser = chooser();
        chooser.setSelectedFile(new File(I18n.tr("mixerSetup.defaultName")));
        if (chooser.showSaveDialog(parent) == JFileChooser.APPROVE_OPTION) {
            Path file = chooser.getSelectedFile().toPath();
            if (!file.getFileName().toString().contains(".")) {
                file = file.resolveSibling(file.getFileName() + ".json");
            }
            if (Files.exists(file) && JOptionPane.showConfirmDialog(parent,
                    I18n.tr("mixerSetup.overwrite", file.getFileName().toString()), I18n.tr("main.title"),
                    JOptionPane.YES_NO_OPTION) != JOptionPane.YES_OPTION) {
                return;
            }
            save(file);
        }
    }

    /** Asks for a file, then loads it (EDT). */
    public void chooseAndLoad() {
        JFileChooser chooser = chooser();
        if (chooser.showOpenDialog(parent) == JFileChooser.APPROVE_OPTION) {
            load(chooser.getSelectedFile().toPath());
        }
    }

    private static JFileChooser chooser() {
        JFileChooser chooser = new JFileChooser();
        chooser.setName("mixerSetupChooser");
        chooser.setFileFilter(new FileNameExtensionFilter(I18n.tr("mixerSetup.filter"), "json", "jch", "ini"));
        return chooser;
    }

    /**
     * Writes every remembered strip (the ones shown now included) to {@code file}; completes when written, or
     * exceptionally after telling the musician why not.
     */
    public CompletableFuture<Void> save(Path file) {
        CompletableFuture<Map<String, FaderSettings>> faders = new CompletableFuture<>();
        actions.edit(m -> faders.complete(new LinkedHashMap<>(m.storedSettings())));
        return faders.thenAcceptAsync(f -> {
            try {
                MixerSetupFile.write(file, f);
            } catch (IOException e) {
                problem("mixerSetup.saveFailed", file, e);
                throw new UncheckedIOException(e);
            }
        }, r -> Thread.ofVirtual().start(r));
    }

    /**
     * Reads {@code file} (Tutti JSON or Jamulus XML) off the EDT and hands it to the model; completes with what was
     * read, once the model has it.
     */
    public CompletableFuture<MixerSetupFile.Loaded> load(Path file) {
        CompletableFuture<MixerSetupFile.Loaded> done = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            MixerSetupFile.Loaded loaded;
            try {
                loaded = MixerSetupFile.read(file);
            } catch (IOException e) {
                problem("mixerSetup.loadFailed", file, e);
                done.completeExceptionally(e);
                return;
            }
            Map<String, FaderSettings> faders = Map.copyOf(loaded.faders());
            SwingUtilities.invokeLater(() -> {
                actions.edit(m -> {
                    m.loadSetup(faders);
                    done.complete(loaded);
                });
                if (loaded.dropped() > 0) {
                    JOptionPane.showMessageDialog(parent, I18n.tr("mixerSetup.dropped", loaded.dropped(),
                            file.getFileName().toString()), I18n.tr("main.title"), JOptionPane.WARNING_MESSAGE);
                }
            });
        });
        return done;
    }

    public void clearAllSoloAndMute() {
        actions.edit(MixerModel::clearAllSoloAndMute);
    }

    public void setAllFadersToNewClientLevel() {
        actions.edit(MixerModel::setAllFadersToNewClientLevel);
    }

    public void autoAdjustAllFaders() {
        actions.edit(MixerModel::autoAdjustAllFaders);
    }

    private void problem(String key, Path file, IOException e) {
        String text = I18n.tr(key, file.getFileName().toString(), String.valueOf(e.getMessage()));
        SwingUtilities.invokeLater(() -> JOptionPane.showMessageDialog(parent, text, I18n.tr("main.title"),
                JOptionPane.ERROR_MESSAGE));
    }
}
