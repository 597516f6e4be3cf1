package org.tutti.client.ui;

import java.awt.event.ActionListener;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import javax.swing.ButtonGroup;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.KeyStroke;
import org.tutti.client.ui.mixer.MixerSort;

/**
 * The main window's menus: File (connection, mixer setups), Edit (board-wide fader changes, as Jamulus), View (chat,
 * settings, mixer order and rows), Server, Help.
 */
final class MainMenu {
    private final MainWindow w;

    MainMenu(MainWindow window) {
        this.w = window;
    }

    JMenuBar build() {
        JMenuBar bar = new JMenuBar();
        JMenu file = menu("menu.file");
        file.add(item("menu.connect", KeyEvent.VK_O, e -> w.toggleConnection()));
        file.addSeparator();
        file.add(item("menu.loadSetup", 0, e -> w.mixerSetup.chooseAndLoad()));
        file.add(item("menu.saveSetup", 0, e -> w.mixerSetup.chooseAndSave()));
        file.addSeparator();
        file.add(item("menu.quit", KeyEvent.VK_Q, e -> w.dispose()));
        bar.add(file);

        JMenu edit = menu("menu.edit");
        edit.add(item("menu.clearSoloMute", 0, e -> w.mixerSetup.clearAllSoloAndMute()));
        edit.add(item("menu.allToNewClientLevel", KeyEvent.VK_L, e -> w.mixerSetup.setAllFadersToNewClientLevel()));
        edit.add(item("menu.autoAdjust", KeyEvent.VK_F, e -> w.mixerSetup.autoAdjustAllFaders()));
        bar.add(edit);

        JMenu view = menu("menu.view");
        view.add(item("menu.chat", KeyEvent.VK_T, e -> w.chat.setVisible(true)));
        view.add(item("menu.settings", KeyEvent.VK_COMMA, e -> w.openSettings()));
        view.addSeparator();
        JCheckBoxMenuItem ownFirst = new JCheckBoxMenuItem(I18n.text("menu.ownFirst"), w.prefs.ownFaderFirst);
        ownFirst.setName("menuOwnFirst");
        ownFirst.addActionListener(e -> {
            w.prefs.ownFaderFirst = ownFirst.isSelected();
            w.board.setSort(w.prefs.sort, w.prefs.ownFaderFirst);
            w.prefs.save();
        });
        view.add(ownFirst);
        JMenu sort = menu("menu.sort");
        ButtonGroup sorts = new ButtonGroup();
        for (MixerSort s : MixerSort.values()) {
            JRadioButtonMenuItem it = new JRadioButtonMenuItem(s.label(), s == w.prefs.sort);
            it.setName("sort-" + s.name());
            it.addActionListener(e -> {
                w.prefs.sort = s;
                w.board.setSort(s, w.prefs.ownFaderFirst);
                w.prefs.save();
            });
            sorts.add(it);
            sort.add(it);
        }
        view.add(sort);
        JMenu rows = menu("menu.rows");
        ButtonGroup rowGroup = new ButtonGroup();
        for (int r = 1; r <= 4; r++) {
            int n = r;
            JRadioButtonMenuItem it = new JRadioButtonMenuItem(Integer.toString(r), r == w.prefs.mixerRows);
            it.setName("rows-" + r);
            it.addActionListener(e -> {
                w.prefs.mixerRows = n;
                w.board.setRows(n);
                w.prefs.save();
            });
            rowGroup.add(it);
            rows.add(it);
        }
        view.add(rows);
        bar.add(view);

        JMenu server = menu("menu.server");
        JCheckBoxMenuItem run = new JCheckBoxMenuItem(I18n.text("menu.runServer"));
        run.setName("menuRunServer");
        run.setToolTipText(I18n.tr("menu.runServer.tip"));
        run.addActionListener(e -> {
            if (!w.serverSwitched(run.isSelected())) {
                run.setSelected(false);
            }
        });
        server.add(run);
        bar.add(server);

        JMenu help = menu("menu.help");
        help.add(item("menu.about", 0, e -> w.about()));
        bar.add(help);
        return bar;
    }

    private static JMenu menu(String key) {
        JMenu m = new JMenu(I18n.text(key));
        m.setMnemonic(I18n.mnemonic(key));
        m.setName(key);
        return m;
    }

    private static JMenuItem item(String key, int accelerator, ActionListener action) {
        JMenuItem it = new JMenuItem(I18n.text(key));
        it.setMnemonic(I18n.mnemonic(key));
        it.setName(key);
        if (accelerator != 0) {
            it.setAccelerator(KeyStroke.getKeyStroke(accelerator, InputEvent.CTRL_DOWN_MASK));
        }
        it.addActionListener(action);
        return it;
    }
}
