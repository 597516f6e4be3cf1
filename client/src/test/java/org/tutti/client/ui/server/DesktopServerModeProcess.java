package org.tutti.client.ui.server;

import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.tutti.server.ui.ServerPanelSettings;

/**
 * The desktop app's server mode in a process of its own, for {@link DesktopServerModeNamespaceTest} to run inside a
 * network namespace: a {@link BuiltInServer} with port mapping ticked, its panel in a real window when a display is
 * reachable. Commands come as lines appended to a file (the namespace's process has no terminal to type in):
 * {@code untick}/{@code tick} click the panel's "Open the port on my router" box and Apply, {@code stop} switches
 * server mode off as the main window does, {@code exit} ends. It prints every new text of the panel's address line.
 */
public final class DesktopServerModeProcess {
    private DesktopServerModeProcess() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path commands = Path.of(args[1]);
        ServerPanelSettings settings = new ServerPanelSettings("Home", "", 0, "", 10, false, false, port, "", false,
                "", true, 0);
        BuiltInServer[] own = new BuiltInServer[1];
        SwingUtilities.invokeAndWait(() -> {
            own[0] = new BuiltInServer(settings, address -> { });
            if (!GraphicsEnvironment.isHeadless()) {
                JFrame frame = new JFrame("Tutti server mode");
                frame.setContentPane(own[0].panel());
                frame.pack();
                frame.setVisible(true);
            }
            String problem = own[0].start(); // what MainWindow.serverSwitched(true) calls, on the EDT too
            System.out.println(problem.isEmpty() ? "started" : "not started: " + problem);
        });
        System.out.println(GraphicsEnvironment.isHeadless() ? "window: none (headless)" : "window: shown");
        String shown = "";
        int done = 0;
        while (true) {
            String[] line = new String[1];
            SwingUtilities.invokeAndWait(() -> line[0] = own[0].serverPanel().addressToShareText());
            if (!line[0].equals(shown)) {
                shown = line[0];
                System.out.println("line: " + shown);
            }
            List<String> todo = Files.exists(commands) ? Files.readAllLines(commands, StandardCharsets.UTF_8)
                    : List.of();
            for (; done < todo.size(); done++) {
                String command = todo.get(done).strip();
                System.out.println("command: " + command);
                switch (command) {
                    case "tick", "untick" -> SwingUtilities.invokeAndWait(() -> {
                        button(own[0].panel(), "serverPortMapping").doClick();
                        button(own[0].panel(), "serverApply").doClick();
                    });
                    case "stop" -> SwingUtilities.invokeAndWait(own[0]::stop); // MainWindow.serverSwitched(false)
                    case "exit" -> {
                        own[0].shutdown();
                        System.exit(0);
                    }
                    default -> System.out.println("unknown command");
                }
            }
            Thread.sleep(100);
        }
    }

    private static AbstractButton button(Container root, String name) {
        for (Component c : root.getComponents()) {
            if (c instanceof AbstractButton b && name.equals(b.getName())) {
                return b;
            }
            if (c instanceof Container inner) {
                AbstractButton found = button(inner, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
