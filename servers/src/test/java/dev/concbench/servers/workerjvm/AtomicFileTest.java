package dev.concbench.servers.workerjvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @Test
    void replacesTheTargetOnlyWhenCommittedAndLeavesNoTemporaryFile(@TempDir Path directory) throws IOException {
        Path target = Files.writeString(directory.resolve("worker-x.classpath"), "old");

        try (AtomicFile file = AtomicFile.begin(target)) {
            assertThat(file.temporary().getFileName().toString()).startsWith("worker-x").endsWith(".classpath.tmp");
            Files.writeString(file.temporary(), "abandoned");
        }
        assertThat(target).hasContent("old");

        AtomicFile.write(target, "new");
        assertThat(target).hasContent("new");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(target);
        }
    }
}
