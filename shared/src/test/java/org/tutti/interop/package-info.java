/**
 * Interop test harness: real peers (Jamulus 3.9.1, dummy jackd, JACK example tools) started as child processes,
 * all on 127.0.0.1 with free ports, so tests can prove wire compatibility against the real thing.
 *
 * <p>Typical use (see {@code ServerInteropTest} in the server module):
 * <pre>{@code
 * Peers.require(Peers.JAMULUS, Peers.JACKD);              // skip locally, fail when CI=true
 * try (DummyJack jack = DummyJack.start(dir);
 *      JamulusServer server = JamulusServer.start(dir, 10);
 *      JamulusClient alice = JamulusClient.start(dir, jack, "127.0.0.1:" + server.udpPort(), "alice")) {
 *     alice.rpc().call("jamulusclient/setName", Json.object("name", "Alice"));
 *     try (ToneSource tone = ToneSource.start(jack, "tone")) {
 *         tone.connectTo(alice.inputPorts());
 *         double peak = JackRecorder.peak(jack, alice.outputPorts().getFirst(), Duration.ofSeconds(1), dir);
 *     }
 * }
 * }</pre>
 *
 * <p>Rules the harness keeps: every jackd has a unique name and its clients get {@code JACK_DEFAULT_SERVER};
 * child processes are stopped with SIGTERM and waited for (jackd leaves stale /dev/shm entries otherwise);
 * each child's output goes to a log file in the test's directory, named in failure messages.
 */
package org.tutti.interop;
