package io.jenkins.plugins.deploysteps.engine.hostcheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostFactsTest {

    @Test
    void readsPosixDf() {
        var df = HostFacts.parseDf("""
                Filesystem     1024-blocks     Used Available Capacity Mounted on
                /dev/vda         263174212 22536964 229847700      9% /
                """).orElseThrow();
        assertThat(df.available().bytes()).isEqualTo(229847700L * 1024);
        assertThat(df.mountPoint()).isEqualTo("/");
        assertThat(df.usedPercent()).isEqualTo(9);
    }

    @Test
    void dfWithSpacesInNamesAndGarbage() {
        var df = HostFacts.parseDf("Filesystem 1024-blocks Used Available Capacity Mounted on\nmy fs 100 50 50 50% /mnt/my disk\n").orElseThrow();
        assertThat(df.filesystem()).isEqualTo("my fs");
        assertThat(df.mountPoint()).isEqualTo("/mnt/my disk");
        assertThat(HostFacts.parseDf("df: /nope: No such file or directory")).isEmpty();
    }

    @Test
    void memAvailableOrItsOldKernelEquivalent() {
        assertThat(HostFacts.parseMemAvailableKiB("MemTotal: 1000 kB\nMemFree: 100 kB\nMemAvailable: 600 kB\n").getAsLong()).isEqualTo(600);
        assertThat(HostFacts.parseMemAvailableKiB("MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 50 kB\nCached: 200 kB\n").getAsLong()).isEqualTo(350);
        assertThat(HostFacts.parseMemAvailableKiB("nothing here")).isEmpty();
    }

    @Test
    void loadAverage() {
        var l = HostFacts.parseLoadAvg("0.52 0.40 0.35 1/234 5678\n").orElseThrow();
        assertThat(l.one()).isEqualTo(0.52);
        assertThat(l.fifteen()).isEqualTo(0.35);
        assertThat(HostFacts.parseLoadAvg("x")).isEmpty();
    }
}
