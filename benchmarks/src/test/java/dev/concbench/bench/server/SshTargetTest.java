package dev.concbench.bench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SshTargetTest {

    @Test
    void runsSshWithoutPromptsOrTerminalAndTheDestinationLast() {
        SshTarget target = new SshTarget("bench@10.0.0.2", List.of("-p", "2222"), null, null, null);

        assertThat(target.command("true")).startsWith("ssh", "-T").contains("BatchMode=yes")
                .endsWith("-p", "2222", "--", "bench@10.0.0.2", "true");
        assertThat(target.java()).isEqualTo(SshTarget.DEFAULT_JAVA);
        assertThat(target.directory()).isEqualTo(SshTarget.DEFAULT_DIRECTORY);
        assertThat(target.address()).isNull();
    }

    @Test
    void refusesADestinationThatIsNotOne() {
        for (String bad : List.of("", "-oProxyCommand=x", "two words")) {
            assertThatThrownBy(() -> new SshTarget(bad, List.of(), null, null, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[user@]host");
        }
    }

    @Test
    void quotesWordsForTheRemoteShell() throws Exception {
        String word = "it's $HOME `x` \"y\"";
        Process sh = new ProcessBuilder("sh", "-c", "printf %s " + SshTarget.quote(word)).start();
        assertThat(new String(sh.getInputStream().readAllBytes())).isEqualTo(word);
        assertThat(SshTarget.quote(List.of("a b", "c"))).isEqualTo("'a b' 'c'");
    }

    @Test
    void anUnreachableHostIsOneLineNamingItWithSshsMessage() {
        assumeTrue(Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "ssh"))), "OpenSSH's client is not installed");
        // Port 1 on loopback: nothing listens there, so ssh is refused at once.
        SshTarget target = new SshTarget("nobody@127.0.0.1", List.of("-F", "none", "-p", "1"), null, null, null);

        assertThatThrownBy(() -> target.run("true", null, Duration.ofSeconds(30)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("nobody@127.0.0.1: ")
                .hasMessageContaining("Connection refused")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
