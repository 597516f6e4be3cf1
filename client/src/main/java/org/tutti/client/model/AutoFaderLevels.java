package org.tutti.client.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Jamulus's "Auto-adjust all faders" (CAudioMixerBoard::AutoAdjustAllFaderLevels in 3.9): from each strip's averaged
 * level meter, sets the faders so every musician arrives at about the same level, without clipping when all play at
 * once. Faders can only attenuate, so the quietest musician sets the reference. With groups in use only grouped strips
 * move and each group gets an equal share; strips quieter than −40 dB (silent right now) are left alone.
 */
final class AutoFaderLevels {
    /** Weight of a new meter value in the running average (Jamulus's AUTO_FADER_ADJUST_ALPHA). */
    static final double AVERAGE_WEIGHT = 0.2;
    private static final double NOISE_THRESHOLD_DB = -40.0;
    private static final double METER_LOW_DB = -50.0;
    private static final double METER_HIGH_DB = 0.0;
    private static final int METER_STEPS = 8;
    /** Index of "no group" in the per-group tables, after groups 1..8 at 0..7. */
    private static final int NO_GROUP = MixerModel.GROUPS;

    private AutoFaderLevels() {
    }

    /** The meter's scale back to dB (inverse of Jamulus's CalcLogResultForMeter). */
    static double levelDb(double meterLevel) {
        return meterLevel * (METER_HIGH_DB - METER_LOW_DB) / METER_STEPS + METER_LOW_DB;
    }

    private static int slot(MixerChannel ch) {
        return ch.group == 0 ? NO_GROUP : ch.group - 1;
    }

    /** Adjusts the faders of {@code strips} (every strip shown except our own). */
    static void adjust(List<MixerChannel> strips) {
        double[] maxLevelDb = new double[NO_GROUP + 1];
        int[] perGroup = new int[NO_GROUP + 1];
        List<List<Double>> levels = new ArrayList<>();
        for (int i = 0; i <= NO_GROUP; i++) {
            maxLevelDb[i] = METER_LOW_DB;
            levels.add(new ArrayList<>());
        }
        for (MixerChannel ch : strips) {
            double db = levelDb(ch.averageLevel);
            int g = slot(ch);
            if (db >= NOISE_THRESHOLD_DB) {
                maxLevelDb[g] = Math.max(maxLevelDb[g], db);
                levels.get(g).add(db);
            }
            perGroup[g]++;
        }
        levels.forEach(Collections::sort);
        int activeGroups = 0;
        for (int i = 0; i < NO_GROUP; i++) {
            activeGroups += perGroup[i] > 0 ? 1 : 0;
        }
        if (activeGroups == 0 && perGroup[NO_GROUP] == 0) {
            return; // only our own strip
        }
        double targetPerGroupDb = -20.0 * Math.log10(Math.max(activeGroups, 1));
        double[] targetDb = new double[NO_GROUP + 1];
        double offsetDb = 0;
        double minFaderDb = 0;
        for (int i = 0; i <= NO_GROUP; i++) {
            targetDb[i] = perGroup[i] > 0 ? targetPerGroupDb - 20.0 * Math.log10(perGroup[i]) : 0;
            List<Double> l = levels.get(i);
            if (l.isEmpty()) {
                continue;
            }
            double reference = l.get(l.size() / 2); // the median
            if (reference < targetDb[i]) {
                offsetDb = Math.min(offsetDb, reference - targetDb[i]);
                minFaderDb = Math.min(minFaderDb, -maxLevelDb[i] + targetDb[i] + offsetDb);
            }
        }
        if (minFaderDb < -FaderLaw.RANGE_DB) {
            offsetDb += -FaderLaw.RANGE_DB - minFaderDb;
        }
        for (MixerChannel ch : strips) {
            double db = levelDb(ch.averageLevel);
            if (ch.group == 0 && activeGroups > 0) {
                continue; // in group mode the ungrouped strips stay
            }
            if (db >= NOISE_THRESHOLD_DB) {
                double newDb = -db + targetDb[slot(ch)] + offsetDb;
                double fader = (newDb / FaderLaw.RANGE_DB + 1.0) * FaderLaw.MAX;
                ch.fader = (int) Math.round(Math.min(Math.max(fader, 0.0), FaderLaw.MAX)); // the slider rounds
            }
        }
    }
}
