package org.tutti.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.util.Locale;
import javax.swing.JFrame;
import javax.swing.JScrollPane;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server panel in a {@link ScrollingForm}: it fills a large window like a plain panel and scrolls in a small one. */
class ScrollingFormGuiTest {
    private Robot robot;

    @BeforeAll
    static void display() {
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeFalse(java.awt.GraphicsEnvironment.isHeadless(), "no display: run under xvfb-run");
        }
        FailOnThreadViolationRepaintManager.install();
    }

    @BeforeEach
    void setUp() {
        ServerText.use(Locale.ENGLISH);
        robot = BasicRobot.robotWithNewAwtHierarchy();
    }

    @AfterEach
    void tearDown() {
        robot.cleanUp();
    }

    private record Shown(JFrame frame, JScrollPane scroll, ServerPanel panel) {
    }

    private Shown show(int width, int height) {
        Shown s = GuiActionRunner.execute(() -> {
            ServerPanel p = new ServerPanel(new ServerPanelSettings("Jam", "Lyon", 74, "Hi", 10, false, false,
                    22124, ""), new QuietListener());
            JScrollPane scroll = ScrollingForm.wrap(p);
            JFrame f = new JFrame("scrolling form");
            f.setContentPane(scroll);
            f.setSize(width, height);
            return new Shown(f, scroll, p);
        });
        robot.showWindow(s.frame(), null, false);
        return s;
    }

    @Test
    void fillsALargeWindowWithoutScrollBars() {
        Shown s = show(1200, 900);
        GuiActionRunner.execute(() -> {
            assertThat(s.scroll().getVerticalScrollBar().isVisible()).isFalse();
            assertThat(s.scroll().getHorizontalScrollBar().isVisible()).isFalse();
            assertThat(s.panel().getSize()).isEqualTo(s.scroll().getViewport().getExtentSize());
        });
    }

    @Test
    void scrollsInASmallWindowDownToTheApplyButton() {
        Shown s = show(700, 300);
        GuiActionRunner.execute(() -> {
            assertThat(s.scroll().getVerticalScrollBar().isVisible()).isTrue();
            Dimension min = s.panel().getMinimumSize();
            assertThat(s.panel().getHeight()).as("the panel keeps its minimum height").isGreaterThanOrEqualTo(min.height);
            java.awt.Component apply = robot.finder().findByName(s.panel(), "serverApply", false);
            ((javax.swing.JComponent) apply).scrollRectToVisible(new java.awt.Rectangle(apply.getSize()));
            assertThat(((javax.swing.JComponent) apply).getVisibleRect().getSize()).isEqualTo(apply.getSize());
        });
    }
}
