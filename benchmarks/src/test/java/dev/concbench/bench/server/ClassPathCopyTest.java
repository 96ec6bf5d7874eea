package dev.concbench.bench.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathCopyTest {

    @TempDir
    Path dir;

    @Test
    void theArchiveUnpacksWithTheSystemsTarIntoTheSameFiles() throws Exception {
        byte[] large = new byte[70_000]; // more than one block, not a whole number of them
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31);
        }
        List<ClassPathCopy.Entry> entries = List.of(new ClassPathCopy.Entry("0123456789abcdef-a.jar", large),
                new ClassPathCopy.Entry("fedcba9876543210-empty.jar", new byte[0]));
        Path archive = Files.write(dir.resolve("copy.tar"), ClassPathCopy.tar(entries));
        Path out = Files.createDirectories(dir.resolve("out"));

        Process tar = new ProcessBuilder("tar", "-x", "-f", archive.toString(), "-C", out.toString())
                .redirectErrorStream(true).start();
        assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(new String(tar.getInputStream().readAllBytes())).isZero();

        assertThat(out.resolve("0123456789abcdef-a.jar")).hasBinaryContent(large);
        assertThat(out.resolve("fedcba9876543210-empty.jar")).isEmptyFile();
    }

    @Test
    void aClassDirectoryGivesTheSameJarEveryTime() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/dev/x"));
        Files.writeString(classes.resolve("A.class"), "a");
        Files.writeString(classes.resolve("B.class"), "b");
        byte[] first = ClassPathCopy.jar(dir.resolve("classes"));
        Files.setLastModifiedTime(classes.resolve("A.class"), java.nio.file.attribute.FileTime.fromMillis(0));

        assertThat(ClassPathCopy.jar(dir.resolve("classes"))).isEqualTo(first);
    }
}
