package org.tutti.client.ui.connect;

import java.util.List;

/** Receives a directory's server list and ping answers (call on the EDT). */
public interface ServerListSink {
    void showServers(List<ServerRow> rows);

    void updateServer(ServerRow row);

    void showProblem(String text);
}
