package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The kernel's socket tables as the port check reads them, and which listeners stand in a service's way. */
class ListenersTest {
    private static final String TABLES = """
            # tcp
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0
               1: 00000000:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1 0 100 0 0 10 0
               2: 0100007F:1F91 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 3 1 0 100 0 0 10 0
            # tcp6
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000000000000000000000000000:1BB8 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4 1 0 100 0 0 10 0
               1: 00000000000000000000000001000000:2382 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5 1 0 100 0 0 10 0
               2: 0000000000000000FFFF00000100007F:2383 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 6 1 0 100 0 0 10 0
            # udp
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
              7: 00000000:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 7 2 0 0
            # udp6
            """;

    @Test
    void readsListeningSocketsOnly() {
        List<Listeners.Listener> l = Listeners.parse(TABLES);
        assertThat(l).extracting(x -> x.address() + " " + x.port() + "/" + x.protocol()).containsExactly("127.0.0.1 8080/tcp", "0.0.0.0 80/tcp",
                ":: 7096/tcp", "::1 9090/tcp", "127.0.0.1 9091/tcp", "0.0.0.0 53/udp");
    }

    @Test
    void addressesOverlapWhenEitherIsAWildcardOrTheyAreTheSame() {
        List<Listeners.Listener> l = Listeners.parse(TABLES);
        assertThat(Listeners.conflicts(new PublishedPort("127.0.0.1", 8080, "tcp"), l, Set.of())).hasSize(1);
        assertThat(Listeners.conflicts(new PublishedPort("", 8080, "tcp"), l, Set.of())).hasSize(1);
        assertThat(Listeners.conflicts(new PublishedPort("127.0.0.2", 8080, "tcp"), l, Set.of())).isEmpty();
        assertThat(Listeners.conflicts(new PublishedPort("127.0.0.2", 80, "tcp"), l, Set.of())).as("0.0.0.0 holds every address").hasSize(1);
        assertThat(Listeners.conflicts(new PublishedPort("127.0.0.1", 7096, "tcp"), l, Set.of())).as(":: holds IPv4 too").hasSize(1);
        assertThat(Listeners.conflicts(new PublishedPort("127.0.0.1", 9091, "tcp"), l, Set.of())).as("IPv4-mapped").hasSize(1);
        assertThat(Listeners.conflicts(new PublishedPort("::1", 9090, "tcp"), l, Set.of())).hasSize(1);
        assertThat(Listeners.conflicts(new PublishedPort("", 53, "tcp"), l, Set.of())).as("other protocol").isEmpty();
        assertThat(Listeners.conflicts(new PublishedPort("", 53, "udp"), l, Set.of())).hasSize(1);
        assertThat(Listeners.conflicts(new PublishedPort("127.0.0.1", 8080, "tcp"), l, Set.of("8080/tcp"))).as("the project's own").isEmpty();
    }

    @Test
    void freePortsLeaveOutThePortsListenedOnAndThoseFoundTaken() {
        List<Listeners.Listener> all = new ArrayList<>();
        for (int port = 20000; port < 65536; port++) {
            if (port < 60000 || port > 60009) {
                all.add(new Listeners.Listener("127.0.0.1", port, "tcp"));
            }
        }
        // nothing below 10000 + 1000 ports: chosen above the range, where only 60000-60009 are free
        Listeners.EphemeralRange low = new Listeners.EphemeralRange(1024, 59999);
        for (int i = 0; i < 20; i++) {
            assertThat(Listeners.freePorts(all, low, 3, Set.of())).hasSize(3).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).isBetween(60000, 60009));
            assertThat(Listeners.freePorts(all, low, 3, Set.of(60000, 60002))).hasSize(3).doesNotHaveDuplicates()
                    .allSatisfy(p -> assertThat(p).isBetween(60001, 60009).isNotEqualTo(60002));
        }
    }

    @Test
    void freePortsStayOutOfTheRangeOutgoingConnectionsTakeTheirPortsFrom() {
        Listeners.EphemeralRange linux = Listeners.EphemeralRange.LINUX_DEFAULT;
        for (int i = 0; i < 50; i++) {
            assertThat(Listeners.freePorts(List.of(), linux, 2, Set.of())).allSatisfy(p -> assertThat(p).isBetween(10000, 32767));
        }
        // a range that leaves no room below it: above it
        assertThat(Listeners.freePorts(List.of(), new Listeners.EphemeralRange(5000, 40000), 2, Set.of()))
                .allSatisfy(p -> assertThat(p).isBetween(40001, 65535));
    }

    @Test
    void readsTheHostsEphemeralRangeAfterItsListenerTables() {
        String tables = "# tcp\n  sl  local_address rem_address   st\n# udp6\n# ephemeral\n32768\t60999\n";
        assertThat(Listeners.ephemeral(tables)).isEqualTo(new Listeners.EphemeralRange(32768, 60999));
        assertThat(Listeners.ephemeral(tables.replace("32768\t60999", "1024 65000"))).isEqualTo(new Listeners.EphemeralRange(1024, 65000));
        assertThat(Listeners.ephemeral("# tcp\n# ephemeral\n")).as("not readable").isEqualTo(Listeners.EphemeralRange.LINUX_DEFAULT);
        assertThat(Listeners.ephemeral("# ephemeral\n70000 80000\n")).as("no range").isEqualTo(Listeners.EphemeralRange.LINUX_DEFAULT);
        assertThat(Listeners.parse(tables)).isEmpty();
    }

    @Test
    void tellsAPortTakenByTheTimeTheEngineBoundItFromOtherFailures() {
        assertThat(Listeners.portTaken("ERROR: for web-next  cannot listen on the TCP port: listen tcp4 127.0.0.1:35086: bind: address already in use"))
                .as("podman").isTrue();
        assertThat(Listeners.portTaken("Error starting userland proxy: Bind for 127.0.0.1:35086 failed: port is already allocated")).as("Docker")
                .isTrue();
        assertThat(Listeners.portTaken("ERROR: for web-next  no such image: app_web")).isFalse();
    }

    @Test
    void findsARealListenerInThisMachinesTables() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            StringBuilder tables = new StringBuilder();
            for (String t : List.of("tcp", "tcp6")) {
                Path p = Path.of("/proc/net", t);
                if (Files.exists(p)) {
                    tables.append("# ").append(t).append('\n').append(Files.readString(p));
                }
            }
            assertThat(Listeners.parse(tables.toString())).anyMatch(l -> l.port() == s.getLocalPort() && l.protocol().equals("tcp"));
        }
    }
}
