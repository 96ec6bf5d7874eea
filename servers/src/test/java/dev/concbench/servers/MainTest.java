package dev.concbench.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The standalone command's arguments: help, the model list, and one clear line for every mistake. */
class MainTest {

    /** What one run printed and returned. */
    private record Run(int code, String out, String err) {
        String firstErrorLine() {
            return err.lines().findFirst().orElse("");
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheUsage() {
        Run run = run("--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("usage:", "--model", "--port", "--list");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void listNamesEveryModelWithItsDescriptionAndMarksTheReferences() {
        Run run = run("--list");
        assertThat(run.code()).isZero();
        for (ServerModel model : ServerModels.all()) {
            String unavailable = model.unavailableReason().map(why -> " \\(unavailable: " + Pattern.quote(why) + "\\)").orElse("");
            assertThat(run.out()).containsPattern("(?m)^" + Pattern.quote(model.name()) + " +"
                    + (model.reference() ? "reference +" : "") + Pattern.quote(model.description()) + unavailable + "$");
        }
        assertThat(run.out()).containsPattern("(?m)^jdk +reference ").containsPattern("(?m)^netty +reference ")
                .containsPattern("(?m)^thread {2,}a new platform thread");
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''                               | --model is required",
            "--model                          | Missing required parameter for option '--model'",
            "--model nope                     | unknown model 'nope'",
            "--model pool --port              | Missing required parameter for option '--port'",
            "--model pool --port abc          | option '--port': 'abc' is not an int",
            "--model pool --port 70000        | --port takes a whole number",
            "--model pool --threads 0         | --threads takes a whole number",
            "--model pool --read-timeout -1   | --read-timeout",
            "--model pool --host ' '          | host",
            "--model pool --frobnicate        | Unknown option: '--frobnicate'"})
    void aMistakeGetsOneClearLineAndExitCode2(String args, String message) {
        String[] argv = args.isEmpty() ? new String[0] : split(args);
        Run run = run(argv);
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.firstErrorLine()).startsWith("concbench-servers: ").contains(message);
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aPortInUseIsReportedWithoutAStackTrace() throws IOException {
        try (ServerSocket occupier = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = run("--model", "thread", "--port", String.valueOf(occupier.getLocalPort()));
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.firstErrorLine()).startsWith("concbench-servers: cannot start thread on 127.0.0.1:");
            assertThat(run.err()).doesNotContain("\tat ");
        }
    }

    /** Splits on spaces, keeping a single-quoted word (which may be a space) whole. */
    private static String[] split(String args) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("'([^']*)'|(\\S+)").matcher(args);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        return words.toArray(String[]::new);
    }
}
