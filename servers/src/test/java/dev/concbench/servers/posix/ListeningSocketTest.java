package dev.concbench.servers.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concbench.servers.process.ProcTable;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ListeningSocketTest {

    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress("127.0.0.1", 0);

    @Test
    void acceptsAConnectionAsADescriptorThatIsCloseOnExec() throws IOException {
        try (ListeningSocket listener = ListeningSocket.open(ANY_LOOPBACK_PORT, 16);
             Socket client = new Socket()) {
            assertThat(listener.localAddress().getPort()).isPositive();
            assertThat(listener.localAddress().getHostString()).isEqualTo("127.0.0.1");
            client.connect(listener.localAddress());
            try (Descriptor accepted = listener.accept()) {
                assertThat(ProcTable.descriptor(ProcessHandle.current().pid(), accepted.number())).startsWith("socket:");
                assertThat(closeOnExec(accepted.number())).isTrue();
                assertThat(closeOnExec(listener.descriptor().number())).isTrue();
            }
        }
    }

    @Test
    void bindsIpv6Loopback() throws IOException {
        try (ListeningSocket listener = ListeningSocket.open(new InetSocketAddress("::1", 0), 16);
             Socket client = new Socket()) {
            client.connect(listener.localAddress());
            try (Descriptor accepted = listener.accept()) {
                assertThat(accepted.number()).isPositive();
            }
        } catch (BindException noIpv6) {
            // a machine without IPv6 loopback: nothing to test
        }
    }

    @Test
    void refusesAPortInUseWithABindException() throws IOException {
        try (ListeningSocket first = ListeningSocket.open(ANY_LOOPBACK_PORT, 16)) {
            assertThatThrownBy(() -> ListeningSocket.open(first.localAddress(), 16))
                    .isInstanceOf(BindException.class)
                    .hasMessageContaining(String.valueOf(first.localAddress().getPort()));
        }
    }

    @Test
    void stopAcceptingWakesABlockedAcceptAndRefusesNewConnections() throws Exception {
        ListeningSocket listener = ListeningSocket.open(ANY_LOOPBACK_PORT, 16);
        CompletableFuture<Throwable> accepting = CompletableFuture.supplyAsync(() -> {
            try (Descriptor _ = listener.accept()) {
                return null;
            } catch (IOException | RuntimeException e) {
                return e;
            }
        });
        Thread.sleep(200); // let it block in accept(2)
        listener.stopAccepting();
        assertThat(accepting.get(5, TimeUnit.SECONDS)).isInstanceOf(SocketException.class);
        try (Socket refused = new Socket()) {
            assertThatThrownBy(() -> refused.connect(listener.localAddress(), 2_000)).isInstanceOf(ConnectException.class);
        }
        listener.close();
        assertThat(ProcTable.descriptor(ProcessHandle.current().pid(), listener.descriptor().number()))
                .as("the listening descriptor after close()").isNull();
    }

    /** FD_CLOEXEC, read from /proc/self/fdinfo. */
    private static boolean closeOnExec(int descriptor) throws IOException {
        String flags = Files.readAllLines(Path.of("/proc/self/fdinfo/" + descriptor)).stream()
                .filter(line -> line.startsWith("flags:"))
                .findFirst().orElseThrow()
                .substring("flags:".length()).trim();
        return (Integer.parseInt(flags, 8) & 0x80000) != 0; // O_CLOEXEC
    }
}
