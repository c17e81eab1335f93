package org.sn1gateway.app;

import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sn1gateway.adapters.network.SyncedMetagraph;

/** {@code POST /tasks/resync-metagraph} on the admin port: sync the metagraph now instead of waiting. */
final class ResyncMetagraphTask extends Task {
    private final Optional<SyncedMetagraph> sync;

    ResyncMetagraphTask(Optional<SyncedMetagraph> sync) {
        super("resync-metagraph");
        this.sync = sync;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        if (sync.isEmpty()) {
            output.println("this network's metagraph is fixed; there is nothing to resync");
            return;
        }
        boolean synced = sync.get().resync();
        SyncedMetagraph.Status status = sync.get().status();
        output.println(synced
                ? "synced: " + status.neurons() + " neurons at block " + status.block()
                : "sync failed, " + sync.get().kept() + ": " + status.lastError().orElse("unknown error"));
    }
}
