package dev.concbench.servers.workerjvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache directory's housekeeping and the packing of class directories, on files alone (no JVM is started). */
class AotCacheTest {

    private static final Instant NOW = Instant.parse("2026-01-02T12:00:00Z");

    @Test
    void keepsTheMostRecentlyUsedCachesAndWhatTheyNeed(@TempDir Path directory) throws IOException {
        Path neededJar = file(directory, "classes-a-1.jar", Duration.ofDays(3));
        file(directory, "classes-a-0.jar", Duration.ofDays(3));
        Path freshJar = file(directory, "classes-b-1.jar", Duration.ofHours(2));
        for (int i = 0; i < AotCacheStore.KEEP_CACHES + 2; i++) {
            file(directory, "worker-x-" + i + ".aot", Duration.ofHours(2 + i));
            file(directory, "worker-x-" + i + ".log", Duration.ofHours(2 + i));
            file(directory, "worker-x-" + i + ".classpath", Duration.ofHours(2 + i),
                    directory.resolve(i == 0 ? "classes-a-1.jar" : "classes-b-1.jar").toString());
        }
        Path recent = file(directory, "worker-y-0.aot", Duration.ofMinutes(5));
        Path leftOver = file(directory, "worker-z-0.aot123.tmp", Duration.ofHours(3));
        Path building = file(directory, "worker-z-1.aot456.tmp", Duration.ofMinutes(1));

        AotCacheStore.prune(directory, NOW);

        // The four most recently used caches, however old; the others are an hour old or more.
        assertThat(names(directory, ".aot")).containsExactly("worker-x-0.aot", "worker-x-1.aot", "worker-x-2.aot",
                "worker-y-0.aot");
        assertThat(names(directory, ".classpath")).containsExactly("worker-x-0.classpath", "worker-x-1.classpath",
                "worker-x-2.classpath");
        assertThat(names(directory, ".log")).containsExactly("worker-x-0.log", "worker-x-1.log", "worker-x-2.log");
        assertThat(names(directory, ".jar")).containsExactly("classes-a-1.jar", "classes-b-1.jar");
        assertThat(neededJar).exists();
        assertThat(freshJar).exists();
        assertThat(recent).exists();
        assertThat(leftOver).doesNotExist();
        assertThat(building).exists();
    }

    @Test
    void packsADirectoryOnceForEachContent(@TempDir Path directory) throws IOException {
        Path classes = Files.createDirectories(directory.resolve("classes/dev/x"));
        Files.writeString(classes.resolve("A.class"), "a");
        Path cache = Files.createDirectories(directory.resolve("cache"));

        Path first = ClassPathJars.packed(directory.resolve("classes"), cache);
        assertThat(ClassPathJars.packed(directory.resolve("classes"), cache)).isEqualTo(first);
        try (JarFile jar = new JarFile(first.toFile())) {
            assertThat(jar.getEntry("dev/x/A.class")).isNotNull();
        }

        Files.writeString(classes.resolve("B.class"), "b");
        Path second = ClassPathJars.packed(directory.resolve("classes"), cache);
        assertThat(second).isNotEqualTo(first);
        try (JarFile jar = new JarFile(second.toFile())) {
            assertThat(jar.getEntry("dev/x/B.class")).isNotNull();
        }
        assertThat(names(cache, ".tmp")).isEmpty();
    }

    private static Path file(Path directory, String name, Duration age) throws IOException {
        return file(directory, name, age, "");
    }

    private static Path file(Path directory, String name, Duration age, String content) throws IOException {
        Path file = Files.writeString(directory.resolve(name), content);
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
        return file;
    }

    private static List<String> names(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(suffix)).sorted().toList();
        }
    }
}
