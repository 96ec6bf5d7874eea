package dev.concbench.bench.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Copies a class path to the server host, each entry once: a jar is stored there under its content's
 * hash ({@code <16 hex digits>-<file name>}), so a build is copied once and every later trial finds
 * it; a class directory (a run from an IDE or the test class path) is packed into a jar first, with
 * its entries sorted and undated so that the same classes give the same jar. What is missing goes
 * over one SSH connection as a tar stream, unpacked into a directory of its own and then moved in
 * place, so an interrupted copy never leaves a partial jar under a final name.
 */
final class ClassPathCopy {

    /** How long looking at the directory may take. */
    static final Duration LIST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(5);
    private static final int TAR_BLOCK = 512;

    /** One class path entry as stored on the server host. */
    record Entry(String name, byte[] content) {
    }

    private ClassPathCopy() {
    }

    /**
     * Makes sure every entry of the class path is in the host's directory.
     *
     * @param directory the directory on the server host, absolute
     * @param present   the names already there
     * @return the class path on the server host
     * @throws IOException when an entry cannot be read or the copy fails
     */
    static String copy(SshTarget target, String classPath, String directory, Set<String> present) throws IOException {
        List<Entry> entries = entries(classPath);
        List<Entry> missing = entries.stream().filter(entry -> !present.contains(entry.name())).toList();
        if (!missing.isEmpty()) {
            String incoming = ".incoming-" + ProcessHandle.current().pid();
            target.run("cd " + SshTarget.quote(directory) + " && rm -rf " + incoming + " && mkdir " + incoming
                    + " && tar -x -f - -C " + incoming + " && mv -f " + incoming + "/* . && rmdir " + incoming,
                    new ByteArrayInputStream(tar(missing)), COPY_TIMEOUT);
        }
        return String.join(":", entries.stream().map(entry -> directory + "/" + entry.name()).toList());
    }

    /** The command line that makes the directory and lists it: its absolute path, then one name a line. */
    static String listCommand(String directory) {
        return "mkdir -p " + SshTarget.quote(directory) + " && cd " + SshTarget.quote(directory) + " && pwd && ls -1";
    }

    private static List<Entry> entries(String classPath) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String element : classPath.split(File.pathSeparator)) {
            Path path = Path.of(element);
            if (element.isBlank() || !Files.exists(path)) {
                continue; // as java itself ignores it
            }
            byte[] content = Files.isDirectory(path) ? jar(path) : Files.readAllBytes(path);
            String fileName = path.getFileName().toString();
            entries.add(new Entry(hash(content) + "-" + (Files.isDirectory(path) ? fileName + ".jar" : fileName),
                    content));
        }
        if (entries.isEmpty()) {
            throw new IOException("nothing to copy to the server host: the class path '" + classPath + "' is empty");
        }
        return entries;
    }

    /** A class directory as a jar: entries sorted, every time the same, so the same classes give the same bytes. */
    static byte[] jar(Path directory) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                ZipEntry entry = new ZipEntry(directory.relativize(file).toString().replace(File.separatorChar, '/'));
                entry.setTime(0);
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return bytes.toByteArray();
    }

    private static String hash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    /** The entries as a POSIX ustar archive of plain files. */
    static byte[] tar(List<Entry> entries) throws IOException {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        for (Entry entry : entries) {
            archive.write(header(entry.name(), entry.content().length));
            archive.write(entry.content());
            pad(archive, entry.content().length);
        }
        archive.write(new byte[2 * TAR_BLOCK]);
        return archive.toByteArray();
    }

    private static byte[] header(String name, long size) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 100) {
            throw new IllegalArgumentException("a file name longer than 100 bytes: " + name);
        }
        byte[] header = new byte[TAR_BLOCK];
        System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
        octal(header, 100, 8, 0644);        // mode
        octal(header, 108, 8, 0);           // uid
        octal(header, 116, 8, 0);           // gid
        octal(header, 124, 12, size);       // size
        octal(header, 136, 12, 0);          // mtime
        header[156] = '0';                  // a regular file
        System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 8);
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';                // the checksum counts its own field as spaces
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        octal(header, 148, 7, sum);
        return header;
    }

    /** A number in octal, zero-padded, ending with NUL, in the field at this offset of this width. */
    private static void octal(byte[] header, int offset, int width, long value) {
        String digits = String.format("%0" + (width - 1) + "o", value);
        System.arraycopy(digits.getBytes(StandardCharsets.US_ASCII), 0, header, offset, width - 1);
        header[offset + width - 1] = 0;
    }

    private static void pad(OutputStream archive, long size) throws IOException {
        long remainder = size % TAR_BLOCK;
        if (remainder != 0) {
            archive.write(new byte[(int) (TAR_BLOCK - remainder)]);
        }
    }
}
