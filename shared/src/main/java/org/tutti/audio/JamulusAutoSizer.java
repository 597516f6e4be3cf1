package org.tutti.audio;

/**
 * Reference model of Jamulus 3.9.1's automatic jitter buffer size (protocol doc §4.5): ten payload-less
 * simulation buffers of sizes 2..11 see the same puts and gets as the real buffer, each keeps a moving
 * error rate, and the smallest size under an error bound is smoothed by an up/down IIR filter with
 * hysteresis. Kept as faithful as practical so that Tutti's own strategy can be compared against it;
 * Jamulus's quirk of applying the hysteresis around the start value (6) rather than around the last
 * decision is reproduced on purpose.
 */
final class JamulusAutoSizer {
    static final int START_SIZE = 6;
    private static final int FIRST_SIM_SIZE = 2;
    private static final int SIMULATIONS = 10;
    private static final double HYSTERESIS = 0.1;

    private final BlockWindow[] simulations = new BlockWindow[SIMULATIONS];
    private final MovingErrorRate[] errorRates = new MovingErrorRate[SIMULATIONS];
    private final int statisticWindow;
    private final double errorBound;
    private final double fastErrorBound;
    private final double upNormal;
    private final double downNormal;
    private final double upFast;
    private final double downFast;
    private double filtered = START_SIZE;
    private int initCountdown;
    private int autoSize = START_SIZE;

    /** @param frameSamples codec frame size, 64 or 128 (the "double frame size" constants) */
    JamulusAutoSizer(int frameSamples, boolean sequenced) {
        boolean doubleFrame = frameSamples == 128;
        statisticWindow = doubleFrame ? 11_000 : 22_500;
        errorBound = doubleFrame ? 0.0005 : 0.00025;
        fastErrorBound = doubleFrame ? 0.01 : 0.005;
        upNormal = doubleFrame ? 0.999995 : 0.9999975;
        downNormal = doubleFrame ? 0.9999 : 0.99994999875;
        upFast = doubleFrame ? 0.9995 : 0.9997499687422;
        downFast = doubleFrame ? 0.999 : 0.999499875;
        JitterCounters ignored = new JitterCounters();
        for (int i = 0; i < SIMULATIONS; i++) {
            simulations[i] = new BlockWindow(sequenced, FIRST_SIM_SIZE + i, ignored);
            errorRates[i] = new MovingErrorRate(statisticWindow);
        }
        initCountdown = statisticWindow / 4;
    }

    void onPut(int seq8) {
        for (int i = 0; i < SIMULATIONS; i++) {
            errorRates[i].update(simulations[i].put(seq8) < 0);
        }
    }

    void onGet() {
        for (int i = 0; i < SIMULATIONS; i++) {
            errorRates[i].update(simulations[i].take() < 0);
        }
        update();
    }

    int autoSize() {
        return autoSize;
    }

    private void update() {
        int decision = smallestSizeBelow(errorBound);
        int fastDecision = smallestSizeBelow(fastErrorBound);
        if (fastDecision == lastSimSize()) {
            initCountdown = statisticWindow / 4; // something very bad happened: adapt fast again
        }
        boolean fast = false;
        if (initCountdown > 0) {
            initCountdown--;
            fast = true;
        }
        if (autoSize < fastDecision) {
            fast = true;
        }
        double up = fast ? upFast : upNormal;
        double down = fast ? downFast : downNormal;
        double weight = decision < filtered ? down : up;
        filtered = filtered * weight + (1.0 - weight) * decision;
        double biased = filtered > START_SIZE ? filtered - HYSTERESIS : filtered + HYSTERESIS;
        autoSize = (int) Math.round(biased);
        if (initCountdown == statisticWindow / 8 && errorRates[SIMULATIONS - 1].rate() > errorBound) {
            for (MovingErrorRate rate : errorRates) {
                rate.reset(); // a bad start is not representative: forget it
            }
        }
    }

    /** Smallest simulated size among 2..10 whose error rate is within the bound, else 11. */
    private int smallestSizeBelow(double bound) {
        for (int i = 0; i < SIMULATIONS - 1; i++) {
            if (errorRates[i].rate() <= bound) {
                return FIRST_SIM_SIZE + i;
            }
        }
        return lastSimSize();
    }

    private static int lastSimSize() {
        return FIRST_SIM_SIZE + SIMULATIONS - 1;
    }
}
