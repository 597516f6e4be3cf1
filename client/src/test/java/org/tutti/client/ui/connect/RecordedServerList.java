package org.tutti.client.ui.connect;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the Connection Setup dialog would show (test double of a {@link ServerListSink}). */
public final class RecordedServerList implements ServerListSink {
    public final List<List<ServerRow>> lists = new CopyOnWriteArrayList<>();
    public final List<String> problems = new CopyOnWriteArrayList<>();

    @Override
    public void showServers(List<ServerRow> rows) {
        lists.add(rows);
    }

    @Override
    public void updateServer(ServerRow row) {
        lists.add(List.of(row));
    }

    @Override
    public void showProblem(String text) {
        problems.add(text);
    }

    public List<ServerRow> last() {
        return lists.isEmpty() ? List.of() : lists.getLast();
    }
}
