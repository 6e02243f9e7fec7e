package io.callbook.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The native configuration Quarkus generated for a service (the build's native-sources execution writes
 * target/native-sources without GraalVM). Rules a native image must keep: every resource the code loads at run time is
 * included, and no key file ever is.
 */
public final class NativeSources {

    private static final Pattern RESOURCE_PATTERN = Pattern.compile("\"pattern\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern CLASS_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
    private static final List<String> KEY_SUFFIXES = List.of(".pem", ".key", ".p12", ".jks");

    private final Path runnerJar;
    private final List<Pattern> includes;
    private final List<Pattern> excludes;
    private final List<String> reflectiveClasses;
    private final List<String> jarEntries;

    private NativeSources(Path runnerJar) throws IOException {
        this.runnerJar = runnerJar;
        try (ZipFile jar = new ZipFile(runnerJar.toFile())) {
            String resources = read(jar, "META-INF/native-image/resource-config.json");
            int excludesAt = resources.indexOf("\"excludes\"");
            int includesAt = resources.indexOf("\"includes\"");
            includes = patterns(includesAt < excludesAt ? resources.substring(includesAt, excludesAt) : resources.substring(includesAt));
            excludes = excludesAt < 0 ? List.of()
                    : patterns(includesAt < excludesAt ? resources.substring(excludesAt) : resources.substring(excludesAt, includesAt));
            reflectiveClasses = matches(CLASS_NAME, read(jar, "META-INF/native-image/reflect-config.json"));
            jarEntries = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    /** The module's target/native-sources (failsafe runs in the module's folder); fails when the build did not make it. */
    public static NativeSources ofModule() throws IOException {
        Path dir = Path.of("target/native-sources");
        if (!Files.isDirectory(dir)) {
            fail("no " + dir.toAbsolutePath() + ": the native-sources build execution did not run (-Dnative-sources.skip?)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return new NativeSources(files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no runner jar in " + dir.toAbsolutePath())));
        }
    }

    /** Whether a native image would hold this class-path resource (an include matches it and no exclude does). */
    public boolean embeds(String resource) {
        return includes.stream().anyMatch(p -> p.matcher(resource).matches())
                && excludes.stream().noneMatch(p -> p.matcher(resource).matches());
    }

    public void assertEmbeds(String resource) {
        assertTrue(embeds(resource), resource + " is not in the native resource configuration of " + runnerJar);
    }

    /** Every file under a folder of src/main/resources, e.g. "db" for the migrations or "templates" for Qute's. */
    public void assertEmbedsAllUnder(Path resourcesRoot, String folder) throws IOException {
        Path dir = resourcesRoot.resolve(folder);
        assertTrue(Files.isDirectory(dir), dir + " is missing");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertEmbeds(resourcesRoot.relativize(file).toString().replace('\\', '/'));
            }
        }
    }

    public void assertReflective(Class<?> type) {
        assertTrue(reflectiveClasses.contains(type.getName()), type.getName() + " is not registered for reflection");
    }

    /**
     * No key file may be embedded: no include names one (a key location read at build time as a class-path resource
     * did), the excludes cover the usual key files, and the runner jar holds none.
     */
    public void assertNoKeys() {
        for (Pattern include : includes) {
            for (String suffix : KEY_SUFFIXES) {
                String quoted = Pattern.quote(suffix);
                assertFalse(include.pattern().endsWith(suffix + "\\E") || include.pattern().endsWith("\\" + suffix)
                                || include.pattern().contains(quoted),
                        "a key file is a native resource: " + include.pattern());
            }
        }
        for (String suffix : KEY_SUFFIXES) {
            assertFalse(embeds("etc/callbook/jwt/private" + suffix), "*" + suffix + " files are not excluded");
        }
        List<String> keys = jarEntries.stream().filter(e -> KEY_SUFFIXES.stream().anyMatch(e::endsWith)).toList();
        assertTrue(keys.isEmpty(), "key files in the runner jar: " + keys);
    }

    private static List<Pattern> patterns(String json) {
        List<Pattern> result = new ArrayList<>();
        for (String raw : matches(RESOURCE_PATTERN, json)) {
            result.add(Pattern.compile(raw.replace("\\\\", "\\")));
        }
        return result;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String read(ZipFile jar, String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        if (entry == null) {
            throw new AssertionError(name + " is missing from " + jar.getName());
        }
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
