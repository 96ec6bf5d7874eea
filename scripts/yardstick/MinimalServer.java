import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A yardstick, not a model: the least a blocking server of each model does to answer wrk's
 * GET /hello with our response bytes (keep-alive, or Connection: close when asked). No parser, no
 * limits, no timeouts: the distance from it is what our blocking models spend on being correct.
 *
 *   java scripts/yardstick/MinimalServer.java thread|virtual|pool PORT
 */
public class MinimalServer {
    public static void main(String[] args) throws Exception {
        ServerSocket listener = new ServerSocket(Integer.parseInt(args[1]), 1024, InetAddress.getLoopbackAddress());
        ExecutorService pool = Executors.newFixedThreadPool(200);
        System.out.println("listening on http://127.0.0.1:" + listener.getLocalPort());
        while (true) {
            Socket socket = listener.accept();
            Runnable serve = () -> serve(socket);
            switch (args[0]) {
                case "thread" -> Thread.ofPlatform().start(serve);
                case "virtual" -> Thread.ofVirtual().start(serve);
                default -> pool.execute(serve);
            }
        }
    }

    static void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                String request = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                boolean close = request.regionMatches(true, request.indexOf("\r\nConnection:") + 2, "Connection: close", 0, 17);
                out.write(("HTTP/1.1 200 OK\r\nServer: concbench\r\nDate: Fri, 04 Dec 2026 21:19:43 GMT\r\n"
                        + "Content-Type: text/plain\r\nContent-Length: 13\r\n" + (close ? "Connection: close\r\n" : "")
                        + "\r\nHello, World!").getBytes(StandardCharsets.ISO_8859_1));
                if (close) {
                    return;
                }
            }
        } catch (Exception peerGone) {
            // the client went away
        }
    }
}
