package dev.concbench.servers.workerjvm;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * A class path an AOT cache can hold: the cache takes classes from jars only, so each directory
 * on the class path (as under Maven's {@code target/classes}) is copied into a jar named by the
 * directory and a hash of its contents, made once per content and kept in the cache directory.
 */
final class ClassPathJars {

    private ClassPathJars() {
    }

    /** The class path with each directory replaced by a jar of its contents. */
    static List<String> jarsOnly(List<String> classPath, Path directory) throws IOException {
        List<String> jars = new ArrayList<>();
        for (String entry : classPath) {
            Path path = Path.of(entry);
            jars.add(Files.isDirectory(path) ? packed(path.toAbsolutePath(), directory).toString() : entry);
        }
        return jars;
    }

    /** A jar of the directory's files, named by the directory and a hash of its contents; made once. */
    static Path packed(Path classes, Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> contents = new ArrayList<>();
        for (Path file : files) {
            contents.add(classes.relativize(file) + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
        }
        String prefix = AotCacheStore.JAR_PREFIX + AotCacheStore.hash(List.of(classes.toString())) + "-";
        Path jar = directory.resolve(prefix + AotCacheStore.hash(contents) + ".jar");
        if (Files.exists(jar)) {
            return jar;
        }
        try (AtomicFile building = AtomicFile.begin(jar)) {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(building.temporary()))) {
                for (Path file : files) {
                    ZipEntry entry = new ZipEntry(classes.relativize(file).toString().replace(File.separatorChar, '/'));
                    entry.setLastModifiedTime(Files.getLastModifiedTime(file));
                    out.putNextEntry(entry);
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            building.commit();
        }
        return jar;
    }
}
