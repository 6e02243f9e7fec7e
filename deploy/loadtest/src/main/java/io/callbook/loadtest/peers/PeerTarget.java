package io.callbook.loadtest.peers;

import io.callbook.loadtest.harness.WatchedProcess;

import java.util.List;

/**
 * Where a peer answers and what does its work.
 *
 * @param processes  measured as the server side of its run
 * @param beforeRun  what the peer needs before each run, e.g. our resolver's cache warmed as the resolve bench does
 */
record PeerTarget(String url, List<WatchedProcess> processes, Runnable beforeRun) {

    static PeerTarget ready(String url, List<WatchedProcess> processes) {
        return new PeerTarget(url, processes, () -> { });
    }
}
