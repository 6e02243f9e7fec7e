package io.callbook.k8scheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.callbook.k8scheck.RenderedOverlay.containers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The container images' definitions, deploy/docker/&lt;service&gt;/Dockerfile.jvm and Dockerfile.native, and the Jib
 * settings of the parent pom's {@code images} profile, against what runs them: base images pinned to a version of the
 * small UBI/Quarkus families, the manifests' non-root user, the Deployments' ports, the layout of Quarkus's
 * target/quarkus-app (the real one where a service is packaged), exec-form entry points, a heap that fits the memory
 * limit, and the image names and tags the k8s overlays deploy. No image is built here (no Docker engine, no
 * registry); the rules that compare with manifests skip where kubectl is missing, like {@link ManifestRulesTest}.
 */
class ImageDefinitionsTest {

    private static final List<String> SERVICES = List.of("resolver-service", "booking-service", "webhook-service",
            "perf-ops-service");
    private static final List<String> KINDS = List.of("jvm", "native");
    /**
     * Quarkus's target/quarkus-app (the aot-jar's and the fast-jar's alike): what quarkus-run.jar loads at run time, in
     * the order of the image's layers.
     */
    private static final List<String> QUARKUS_APP = List.of("lib/", "quarkus-run.jar", "app/", "quarkus/");
    /** Written by the build for people and tools, never read at run time. */
    private static final Set<String> QUARKUS_APP_NOT_NEEDED = Set.of("quarkus-app-dependencies.txt");
    private static final Map<String, List<String>> BASE_IMAGES = Map.of(
            "jvm", List.of("registry.access.redhat.com/ubi9/openjdk-", "registry.access.redhat.com/ubi9/ubi-minimal"),
            "native", List.of("quay.io/quarkus/ubi9-quarkus-micro-image", "quay.io/quarkus/quarkus-micro-image",
                    "registry.access.redhat.com/ubi9/ubi-micro", "registry.access.redhat.com/ubi9/ubi-minimal"));
    private static final Pattern OPENJDK_RUNTIME = Pattern.compile(".*/openjdk-(\\d+)-runtime");
    private static final Pattern BUILD_COMMAND = Pattern.compile(
            "docker build -f (\\S+) -t (\\S+) \\.$");
    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"([^\"]*)\"|(\\S+))");
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");
    /** As devstack's ServiceProcess starts each service, so that the images run as the benches measured. */
    private static final List<String> NETTY_ALLOCATOR_FLAGS = List.of("-Dio.netty.allocator.numHeapArenas=0",
            "-Dio.netty.allocator.smallCacheSize=32", "-Dio.netty.allocator.normalCacheSize=16");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void assertNone(String rule, List<String> violations) {
        assertTrue(violations.isEmpty(), rule + ":\n  " + String.join("\n  ", violations));
    }

    @Test
    void everyServiceHasAJvmAndANativeDockerfileAndNothingElseIsThere() throws IOException {
        Path docker = RenderedOverlay.root().resolve("deploy/docker");
        Set<String> folders = new TreeSet<>();
        try (Stream<Path> entries = Files.list(docker)) {
            entries.filter(Files::isDirectory).forEach(p -> folders.add(p.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(SERVICES), folders, "deploy/docker/ holds one folder per service");
        for (String service : SERVICES) {
            Set<String> files = new TreeSet<>();
            try (Stream<Path> entries = Files.list(docker.resolve(service))) {
                entries.forEach(p -> files.add(p.getFileName().toString()));
            }
            assertEquals(new TreeSet<>(Set.of("Dockerfile.jvm", "Dockerfile.native")), files, "deploy/docker/" + service);
        }
    }

    @Test
    void baseImagesArePinnedToAVersionOfTheSmallImageFamilies() {
        int release = Integer.parseInt(pomProperty(rootPom(), "maven.compiler.release"));
        List<String> violations = new ArrayList<>();
        for (String service : SERVICES) {
            for (String kind : KINDS) {
                Dockerfile file = Dockerfile.of(service, kind);
                List<Instruction> froms = file.all("FROM");
                if (froms.size() != 1) {
                    violations.add(file + ": " + froms.size() + " FROM lines; one stage is all an image of a packaged service needs");
                }
                for (Instruction from : froms) {
                    String image = from.words().getFirst();
                    baseImageViolation(image, kind, release).ifPresent(v -> violations.add(file + " line " + from.line() + ": " + v));
                }
            }
        }
        // Jib builds the same images as the Dockerfiles: one base image each, set in one place per build path.
        Map<String, String> jib = imagesProfile();
        for (String kind : KINDS) {
            String jibBase = jib.get("quarkus.jib.base-" + kind + "-image");
            if (jibBase == null) {
                violations.add("pom.xml images profile: no quarkus.jib.base-" + kind + "-image (Quarkus's default may change with a release)");
                continue;
            }
            for (String service : SERVICES) {
                String dockerBase = Dockerfile.of(service, kind).all("FROM").getFirst().words().getFirst();
                if (!jibBase.equals(dockerBase)) {
                    violations.add("pom.xml images profile: quarkus.jib.base-" + kind + "-image " + jibBase + ", but "
                            + Dockerfile.of(service, kind) + " starts FROM " + dockerBase);
                }
            }
        }
        assertNone("base images", violations);
    }

    /** A tag that names a version (or a digest); no latest, no floating name. */
    private static Optional<String> baseImageViolation(String image, String kind, int release) {
        String name = image;
        String tag = null;
        int digest = image.indexOf('@');
        if (digest >= 0) {
            name = image.substring(0, digest);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        if (digest < 0 && tag == null) {
            return Optional.of(image + " has no tag: it would pull whatever latest is on the day of the build");
        }
        if (tag != null && (tag.equals("latest") || !tag.matches("v?\\d+(\\.\\d+)*([.-][A-Za-z0-9.]+)?"))) {
            return Optional.of(image + ": tag " + tag + " is not a version");
        }
        String base = name;
        if (BASE_IMAGES.get(kind).stream().noneMatch(base::startsWith)) {
            return Optional.of(image + " is not one of the small base images for " + kind + " " + BASE_IMAGES.get(kind));
        }
        Matcher jdk = OPENJDK_RUNTIME.matcher(name);
        if (kind.equals("jvm") && !jdk.matches()) {
            return Optional.of(image + ": a JVM image needs a Java runtime (ubi9/openjdk-<version>-runtime)");
        }
        if (kind.equals("jvm") && Integer.parseInt(jdk.group(1)) < release) {
            return Optional.of(image + ": Java " + jdk.group(1) + " cannot run classes compiled for release " + release);
        }
        return Optional.empty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void imagesRunAsTheManifestsNonRootUser(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> violations = new ArrayList<>();
        for (String service : SERVICES) {
            Deployment deployment = deployment(rendered, service);
            Long runAsUser = runAs(deployment, service, SecurityContext::getRunAsUser, PodSecurityContext::getRunAsUser);
            Long runAsGroup = runAs(deployment, service, SecurityContext::getRunAsGroup, PodSecurityContext::getRunAsGroup);
            for (String kind : KINDS) {
                Dockerfile file = Dockerfile.of(service, kind);
                List<Instruction> users = file.all("USER");
                if (users.isEmpty()) {
                    violations.add(file + ": no USER, so the image runs as root where a manifest does not say otherwise");
                    continue;
                }
                // The last USER is the one the entry point runs as.
                String[] user = users.getLast().arguments().split(":");
                if (!user[0].matches("\\d+")) {
                    violations.add(file + ": USER " + user[0] + " is a name; runAsNonRoot can only verify a numeric user");
                    continue;
                }
                long uid = Long.parseLong(user[0]);
                if (uid < 10_000) {
                    violations.add(file + ": USER " + uid + " (needs >= 10000, apart from any host user)");
                }
                if (runAsUser == null || uid != runAsUser) {
                    violations.add(file + ": USER " + uid + ", but Deployment " + service + " runs as " + runAsUser);
                }
                if (user.length > 1 && (!user[1].matches("\\d+") || !Long.valueOf(user[1]).equals(runAsGroup))) {
                    violations.add(file + ": group " + user[1] + ", but Deployment " + service + " runs as group " + runAsGroup);
                }
            }
        }
        String jibUser = imagesProfile().get("quarkus.jib.user");
        for (String service : SERVICES) {
            Long runAsUser = runAs(deployment(rendered, service), service, SecurityContext::getRunAsUser,
                    PodSecurityContext::getRunAsUser);
            if (!String.valueOf(runAsUser).equals(jibUser)) {
                violations.add("pom.xml images profile: quarkus.jib.user " + jibUser + ", but " + service + " runs as " + runAsUser);
            }
        }
        assertNone(overlay + ": image users", violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void exposedPortsAreTheDeploymentsContainerPorts(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> violations = new ArrayList<>();
        for (String service : SERVICES) {
            Set<Integer> containerPorts = new TreeSet<>();
            container(deployment(rendered, service), service).getPorts().forEach(p -> containerPorts.add(p.getContainerPort()));
            for (String kind : KINDS) {
                Dockerfile file = Dockerfile.of(service, kind);
                Set<Integer> exposed = new TreeSet<>();
                for (Instruction expose : file.all("EXPOSE")) {
                    for (String word : expose.words()) {
                        String port = word.endsWith("/tcp") ? word.substring(0, word.length() - 4) : word;
                        if (port.matches("\\d+")) {
                            exposed.add(Integer.parseInt(port));
                        } else {
                            violations.add(file + ": EXPOSE " + word + " is not a TCP port number");
                        }
                    }
                }
                if (!exposed.equals(containerPorts)) {
                    violations.add(file + ": EXPOSE " + exposed + ", but Deployment " + service + " has containerPorts "
                            + containerPorts);
                }
            }
        }
        assertNone(overlay + ": exposed ports", violations);
    }

    @Test
    void theJvmImageCopiesTheQuarkusAppLayersTheEntryPointRuns() {
        DockerIgnore ignore = DockerIgnore.read(RenderedOverlay.root().resolve(".dockerignore"));
        List<String> violations = new ArrayList<>();
        for (String service : SERVICES) {
            Dockerfile file = Dockerfile.of(service, "jvm");
            String quarkusApp = service + "/target/quarkus-app/";
            List<String> copied = new ArrayList<>();
            Map<String, String> destinations = new LinkedHashMap<>();
            for (Instruction copy : file.all("COPY", "ADD")) {
                List<String> words = copy.words().stream().filter(w -> !w.startsWith("--")).toList();
                if (!copy.keyword().equals("COPY")) {
                    violations.add(file + " line " + copy.line() + ": ADD fetches and unpacks; COPY says what it does");
                }
                if (copy.words().stream().anyMatch(w -> w.startsWith("--from"))) {
                    violations.add(file + " line " + copy.line() + ": COPY --from; the image is made from the packaged service alone");
                }
                String destination = words.getLast();
                for (String source : words.subList(0, words.size() - 1)) {
                    if (!source.startsWith(quarkusApp)) {
                        violations.add(file + " line " + copy.line() + ": " + source + " is not in " + quarkusApp);
                        continue;
                    }
                    String entry = source.substring(quarkusApp.length());
                    copied.add(entry);
                    destinations.put(entry, destination);
                    if (ignore.excludes(source)) {
                        violations.add(file + " line " + copy.line() + ": .dockerignore leaves " + source + " out of the build context");
                    }
                }
            }
            if (!copied.equals(QUARKUS_APP)) {
                violations.add(file + ": copies " + copied + "; the layers of target/quarkus-app are " + QUARKUS_APP
                        + ", the dependencies first since they change least");
            }
            // A packaged service shows the layout of this Quarkus version; otherwise the known layout above stands.
            Path packaged = RenderedOverlay.root().resolve(quarkusApp);
            if (Files.isDirectory(packaged)) {
                Set<String> present = new TreeSet<>();
                try (Stream<Path> entries = Files.list(packaged)) {
                    entries.forEach(p -> present.add(p.getFileName() + (Files.isDirectory(p) ? "/" : "")));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                present.removeAll(QUARKUS_APP_NOT_NEEDED);
                if (!present.equals(new TreeSet<>(copied))) {
                    violations.add(file + ": copies " + new TreeSet<>(copied) + ", but the packaged " + quarkusApp + " holds " + present);
                }
            }
            String workdir = file.all("WORKDIR").isEmpty() ? "/" : file.all("WORKDIR").getLast().arguments();
            String jar = destinations.getOrDefault("quarkus-run.jar", "");
            List<String> entrypoint = file.execForm("ENTRYPOINT");
            if (!entrypoint.contains("-jar") || entrypoint.indexOf("-jar") + 1 >= entrypoint.size()
                    || !entrypoint.get(entrypoint.indexOf("-jar") + 1).equals(jar)) {
                violations.add(file + ": ENTRYPOINT " + entrypoint + " does not run the copied " + jar);
            }
            for (String layer : List.of("lib/", "app/", "quarkus/")) {
                // quarkus-run.jar finds the other layers beside itself.
                String expected = jar.substring(0, jar.lastIndexOf('/') + 1) + layer;
                if (!expected.equals(destinations.get(layer))) {
                    violations.add(file + ": " + layer + " goes to " + destinations.get(layer) + ", not beside quarkus-run.jar (" + expected + ")");
                }
            }
            if (!jar.startsWith(workdir.endsWith("/") ? workdir : workdir + "/")) {
                violations.add(file + ": quarkus-run.jar at " + jar + " is outside the WORKDIR " + workdir);
            }
        }
        assertNone("JVM images", violations);
    }

    @Test
    void theNativeImageCopiesTheRunnerQuarkusBuilds() {
        DockerIgnore ignore = DockerIgnore.read(RenderedOverlay.root().resolve(".dockerignore"));
        String version = projectVersion();
        List<String> violations = new ArrayList<>();
        for (String service : SERVICES) {
            Dockerfile file = Dockerfile.of(service, "native");
            List<Instruction> copies = file.all("COPY", "ADD");
            if (copies.size() != 1) {
                violations.add(file + ": " + copies.size() + " COPY lines; a native image needs the binary alone");
                continue;
            }
            List<String> words = copies.getFirst().words().stream().filter(w -> !w.startsWith("--")).toList();
            String source = words.getFirst();
            String destination = words.getLast();
            // Quarkus names the binary <artifactId>-<version>-runner.
            String runner = service + "/target/" + service + "-" + version + "-runner";
            if (words.size() != 2 || !glob(source).matcher(runner).matches()) {
                violations.add(file + ": copies " + words.subList(0, words.size() - 1) + ", not the binary " + runner);
            }
            if (ignore.excludes(runner)) {
                violations.add(file + ": .dockerignore leaves " + runner + " out of the build context");
            }
            List<String> entrypoint = file.execForm("ENTRYPOINT");
            if (entrypoint.isEmpty() || !entrypoint.getFirst().equals(destination)) {
                violations.add(file + ": ENTRYPOINT " + entrypoint + " does not run the copied " + destination);
            }
        }
        assertNone("native images", violations);
    }

    @Test
    void entryPointsAndCommandsUseTheExecForm() {
        List<String> violations = new ArrayList<>();
        for (String service : SERVICES) {
            for (String kind : KINDS) {
                Dockerfile file = Dockerfile.of(service, kind);
                if (file.all("ENTRYPOINT").size() != 1) {
                    violations.add(file + ": " + file.all("ENTRYPOINT").size() + " ENTRYPOINT lines, not one");
                }
                for (Instruction instruction : file.all("ENTRYPOINT", "CMD")) {
                    // The shell form runs sh -c, whose process 1 does not pass SIGTERM on: no graceful shutdown.
                    try {
                        JSON.readValue(instruction.arguments(), new TypeReference<List<String>>() { });
                    } catch (JsonProcessingException e) {
                        violations.add(file + " line " + instruction.line() + ": " + instruction.keyword()
                                + " in shell form; a JSON array of strings is the exec form");
                    }
                }
            }
        }
        assertNone("exec form", violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theHeapFitsTheMemoryLimitAsTheConfigMapSetsIt(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> violations = new ArrayList<>();
        for (String service : SERVICES) {
            Deployment deployment = deployment(rendered, service);
            Quantity limit = Optional.ofNullable(container(deployment, service).getResources().getLimits())
                    .map(l -> l.get("memory")).orElse(null);
            if (limit == null) {
                violations.add(service + ": no memory limit to fit the heap in");
                continue;
            }
            BigDecimal limitBytes = Quantity.getAmountInBytes(limit);
            Dockerfile jvm = Dockerfile.of(service, "jvm");
            String imageOptions = jvm.env().get("JAVA_TOOL_OPTIONS");
            String deployed = rendered.configMap(service).map(ConfigMap::getData)
                    .map(d -> d.get("JAVA_TOOL_OPTIONS")).orElse(null);
            if (imageOptions == null) {
                violations.add(jvm + ": no JAVA_TOOL_OPTIONS; the JVM would size its heap from the limit alone");
            } else if (deployed != null && !deployed.equals(imageOptions)) {
                violations.add(jvm + ": JAVA_TOOL_OPTIONS \"" + imageOptions + "\", but ConfigMap " + service
                        + " deploys \"" + deployed + "\"; the image alone should run as deployed");
            }
            Dockerfile nativeImage = Dockerfile.of(service, "native");
            Map<String, String> heaps = new LinkedHashMap<>();
            heaps.put(jvm.toString(), deployed != null ? deployed : Objects.requireNonNullElse(imageOptions, ""));
            heaps.put(nativeImage.toString(), String.join(" ", nativeImage.execForm("CMD")));
            heaps.forEach((where, options) -> {
                Matcher xmx = XMX.matcher(options);
                if (!xmx.find()) {
                    violations.add(where + ": no -Xmx in \"" + options + "\"");
                    return;
                }
                BigDecimal heap = new BigDecimal(xmx.group(1)).multiply(BigDecimal.valueOf(switch (xmx.group(2).toLowerCase()) {
                    case "k" -> 1L << 10;
                    case "m" -> 1L << 20;
                    case "g" -> 1L << 30;
                    default -> 1L;
                }));
                // The rest of a JVM's RSS (metaspace, code cache, threads, direct buffers) measured about the heap's size
                // again (docs/benchmarks.md): a heap above half the limit invites the OOM killer.
                if (heap.multiply(BigDecimal.TWO).compareTo(limitBytes) > 0) {
                    violations.add(where + ": -Xmx" + xmx.group(1) + xmx.group(2) + " is more than half of " + service
                            + "'s memory limit " + limit);
                }
            });
        }
        assertNone(overlay + ": heap sizes", violations);
    }

    @Test
    void everyImageSizesNettysBufferCachesAsTheLocalSuiteDoes() {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Dockerfile jvm = Dockerfile.of(service, "jvm");
            Dockerfile nativeImage = Dockerfile.of(service, "native");
            options.put(jvm.toString(), words(jvm.env().get("JAVA_TOOL_OPTIONS")));
            options.put(nativeImage.toString(), nativeImage.execForm("CMD"));
        }
        Map<String, String> jib = imagesProfile();
        options.put("pom.xml images profile's JAVA_TOOL_OPTIONS",
                words(jib.get("quarkus.jib.environment-variables.JAVA_TOOL_OPTIONS")));
        options.put("pom.xml images profile's native arguments",
                List.of(Objects.requireNonNullElse(jib.get("quarkus.jib.native-arguments"), "").split(",")));
        List<String> violations = new ArrayList<>();
        options.forEach((where, flags) -> NETTY_ALLOCATOR_FLAGS.stream().filter(flag -> !flags.contains(flag))
                .forEach(flag -> violations.add(where + ": no " + flag + " in " + flags)));
        assertNone("Netty's buffer caches", violations);
    }

    private static List<String> words(String options) {
        return List.of(Objects.requireNonNullElse(options, "").trim().split("\\s+"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void imageNamesAndTagsAreTheOnesTheOverlayDeploys(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Map<String, String> jib = imagesProfile();
        String version = projectVersion();
        List<String> violations = new ArrayList<>();
        for (String service : SERVICES) {
            String deployed = container(deployment(rendered, service), service).getImage();
            // The overlay's images: entry may add a registry in front; the name and the tag are ours, the JVM image's
            // or the native one's.
            String expected = "callbook/" + service + ":" + version;
            if (Stream.of(expected, expected + "-native").noneMatch(e -> deployed.equals(e) || deployed.endsWith("/" + e))) {
                violations.add("Deployment " + service + " runs " + deployed + ", but the images are built as " + expected
                        + " (callbook/<service>:<project version>, -native for the native image); bump the overlays' "
                        + "newTag with the version");
            }
            for (String kind : KINDS) {
                Dockerfile file = Dockerfile.of(service, kind);
                String tagged = expected + (kind.equals("native") ? "-native" : "");
                List<String> commands = file.comments().stream().map(BUILD_COMMAND::matcher).filter(Matcher::find)
                        .map(m -> m.group(1) + " " + m.group(2)).toList();
                String wanted = "deploy/docker/" + service + "/Dockerfile." + kind + " " + tagged;
                if (!commands.equals(List.of(wanted))) {
                    violations.add(file + ": its build command tags " + commands + ", not -f " + wanted.replace(" ", " -t "));
                }
            }
        }
        Map<String, String> expectedJib = Map.of(
                "quarkus.container-image.group", "callbook",
                "quarkus.container-image.name", "${project.artifactId}",
                "quarkus.container-image.tag", "${project.version}");
        expectedJib.forEach((key, value) -> {
            if (!value.equals(jib.get(key))) {
                violations.add("pom.xml images profile: " + key + " is " + jib.get(key) + ", not " + value);
            }
        });
        assertNone(overlay + ": image names and tags", violations);
    }

    private static Deployment deployment(RenderedOverlay rendered, String service) {
        return rendered.deployment(service).orElseThrow(() -> new AssertionError(rendered.name() + ": no Deployment " + service));
    }

    private static Container container(Deployment deployment, String service) {
        return containers(deployment).stream().filter(c -> c.getName().equals(service)).findFirst()
                .orElseThrow(() -> new AssertionError("Deployment " + service + " has no container " + service));
    }

    /** The container's own setting, else the pod's, as the kubelet applies them. */
    private static Long runAs(Deployment deployment, String service, Function<SecurityContext, Long> own,
                              Function<PodSecurityContext, Long> pod) {
        SecurityContext container = container(deployment, service).getSecurityContext();
        if (container != null && own.apply(container) != null) {
            return own.apply(container);
        }
        PodSecurityContext podContext = deployment.getSpec().getTemplate().getSpec().getSecurityContext();
        return podContext == null ? null : pod.apply(podContext);
    }

    private static String rootPom() {
        try {
            return Files.readString(RenderedOverlay.root().resolve("pom.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pomProperty(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">").matcher(pom);
        if (!m.find()) {
            throw new AssertionError("pom.xml has no " + name);
        }
        return m.group(1).trim();
    }

    private static String projectVersion() {
        String pom = rootPom();
        // The project's own version follows its artifactId, before any dependency.
        Matcher m = Pattern.compile("<artifactId>callbook-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "pom.xml: no version of callbook-parent");
        return m.group(1).trim();
    }

    /** The quarkus.* properties of the parent pom's images profile. */
    private static Map<String, String> imagesProfile() {
        String pom = rootPom();
        Matcher profile = Pattern.compile("<profile>\\s*<id>images</id>(.*?)</profile>", Pattern.DOTALL).matcher(pom);
        assertTrue(profile.find(), "pom.xml has no images profile");
        Map<String, String> properties = new LinkedHashMap<>();
        Matcher property = Pattern.compile("<(quarkus\\.[A-Za-z0-9._-]+)>([^<]*)</\\1>").matcher(profile.group(1));
        while (property.find()) {
            properties.put(property.group(1), property.group(2).trim());
        }
        return properties;
    }

    /** Docker's path patterns: {@code *} and {@code ?} within one path segment, {@code **} across segments. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** One instruction: its keyword, its arguments as written (continuations joined) and the line it starts on. */
    record Instruction(String keyword, String arguments, int line) {

        List<String> words() {
            return List.of(arguments.trim().split("\\s+"));
        }
    }

    /** A Dockerfile read instruction by instruction, with its comment lines. */
    record Dockerfile(String name, List<Instruction> instructions, List<String> comments) {

        static Dockerfile of(String service, String kind) {
            String name = "deploy/docker/" + service + "/Dockerfile." + kind;
            List<String> lines;
            try {
                lines = Files.readAllLines(RenderedOverlay.root().resolve(name));
            } catch (IOException e) {
                throw new AssertionError(name + " cannot be read", e);
            }
            List<Instruction> instructions = new ArrayList<>();
            List<String> comments = new ArrayList<>();
            StringBuilder pending = new StringBuilder();
            int start = 0;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("#")) {
                    comments.add(line.substring(1).strip());
                    continue;
                }
                if (line.isEmpty() && pending.isEmpty()) {
                    continue;
                }
                if (pending.isEmpty()) {
                    start = i + 1;
                }
                if (line.endsWith("\\")) {
                    pending.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                pending.append(line);
                String text = pending.toString().strip();
                pending.setLength(0);
                String[] parts = text.split("\\s+", 2);
                instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1].strip() : "", start));
            }
            return new Dockerfile(name, List.copyOf(instructions), List.copyOf(comments));
        }

        List<Instruction> all(String... keywords) {
            Set<String> wanted = Set.of(keywords);
            return instructions.stream().filter(i -> wanted.contains(i.keyword())).toList();
        }

        /** The last ENTRYPOINT or CMD as its exec-form words; empty where there is none or it is in shell form. */
        List<String> execForm(String keyword) {
            List<Instruction> found = all(keyword);
            if (found.isEmpty()) {
                return List.of();
            }
            try {
                return JSON.readValue(found.getLast().arguments(), new TypeReference<List<String>>() { });
            } catch (JsonProcessingException e) {
                return List.of();
            }
        }

        /** ENV in the KEY=value form (quoted or not); the legacy "ENV KEY value" form is read as one variable. */
        Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            for (Instruction instruction : all("ENV")) {
                Matcher pair = ENV_PAIR.matcher(instruction.arguments());
                boolean any = false;
                while (pair.find()) {
                    env.put(pair.group(1), pair.group(3) != null ? pair.group(3) : pair.group(4));
                    any = true;
                }
                if (!any) {
                    String[] parts = instruction.arguments().split("\\s+", 2);
                    env.put(parts[0], parts.length > 1 ? parts[1] : "");
                }
            }
            return env;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The root .dockerignore as Docker reads it: the last pattern that matches a path or one of its parent folders
     * decides, and a pattern starting with ! lets the path back in.
     */
    record DockerIgnore(List<Map.Entry<Pattern, Boolean>> rules) {

        static DockerIgnore read(Path file) {
            List<Map.Entry<Pattern, Boolean>> rules = new ArrayList<>();
            if (Files.isRegularFile(file)) {
                try {
                    for (String line : Files.readAllLines(file)) {
                        String pattern = line.strip();
                        if (pattern.isEmpty() || pattern.startsWith("#")) {
                            continue;
                        }
                        boolean include = pattern.startsWith("!");
                        pattern = (include ? pattern.substring(1) : pattern).strip();
                        pattern = pattern.replaceAll("^/+", "").replaceAll("/+$", "");
                        rules.add(Map.entry(glob(pattern), include));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new DockerIgnore(rules);
        }

        boolean excludes(String path) {
            String clean = path.replaceAll("/+$", "");
            boolean excluded = false;
            for (Map.Entry<Pattern, Boolean> rule : rules) {
                if (matchesOrParentMatches(rule.getKey(), clean)) {
                    excluded = !rule.getValue();
                }
            }
            return excluded;
        }

        private static boolean matchesOrParentMatches(Pattern pattern, String path) {
            for (String prefix = path; !prefix.isEmpty(); prefix = prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "") {
                if (pattern.matcher(prefix).matches()) {
                    return true;
                }
            }
            return false;
        }
    }
}
