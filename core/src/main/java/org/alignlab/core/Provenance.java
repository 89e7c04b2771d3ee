package org.alignlab.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Everything needed to rerun a stored run bit for bit: experiment, scale, seed, full config, code version,
 * JVM, library versions and wall time.
 */
public record Provenance(String experiment, String scale, long seed, Map<String, String> config,
                         String codeVersion, String jvm, Map<String, String> libraries, long wallMillis) {

    private static final List<String[]> LIBRARIES = List.of(
            new String[] {"info.picocli", "picocli"},
            new String[] {"org.knowm.xchart", "xchart"},
            new String[] {"org.xerial", "sqlite-jdbc"},
            new String[] {"com.fasterxml.jackson.core", "jackson-databind"},
            new String[] {"org.hipparchus", "hipparchus-core"},
            new String[] {"ai.djl", "api"},
            new String[] {"org.ejml", "ejml-core"});

    private static volatile String cachedCodeVersion;
    private static volatile Map<String, String> cachedLibraries;

    public Provenance withWallMillis(long millis) {
        return new Provenance(experiment, scale, seed, config, codeVersion, jvm, libraries, millis);
    }

    public static Provenance capture(String experiment, Scale scale, long seed, Map<String, String> config) {
        return new Provenance(experiment, scale.label(), seed, Map.copyOf(new LinkedHashMap<>(config)),
                currentCodeVersion(), currentJvm(), currentLibraries(), 0);
    }

    public static String currentJvm() {
        return System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ")";
    }

    /** Versions of the libraries on the class path, read from their Maven metadata. */
    public static Map<String, String> currentLibraries() {
        Map<String, String> libs = cachedLibraries;
        if (libs != null) return libs;
        Map<String, String> out = new LinkedHashMap<>();
        String own = Provenance.class.getPackage().getImplementationVersion();
        out.put("alignlab", own == null ? "dev" : own);
        for (String[] ga : LIBRARIES) {
            String res = "META-INF/maven/" + ga[0] + "/" + ga[1] + "/pom.properties";
            try (InputStream in = Provenance.class.getClassLoader().getResourceAsStream(res)) {
                if (in == null) continue;
                Properties p = new Properties();
                p.load(in);
                out.put(ga[1], p.getProperty("version", "?"));
            } catch (IOException ignored) {
                // a library without metadata is simply not listed
            }
        }
        cachedLibraries = Map.copyOf(out);
        return cachedLibraries;
    }

    /**
     * The git commit of the code that runs (with "-dirty" when the tree has changes), asked of git in the folder
     * the classes were loaded from; "unknown" outside a git checkout or without git.
     */
    public static String currentCodeVersion() {
        String v = cachedCodeVersion;
        if (v != null) return v;
        String result = "unknown";
        try {
            Path where = Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(where) ? where : where.getParent();
            String head = git(dir, "rev-parse", "HEAD");
            if (head != null && head.matches("[0-9a-f]{40}")) {
                String status = git(dir, "status", "--porcelain", "--untracked-files=no");
                result = head + (status != null && !status.isBlank() ? "-dirty" : "");
            }
        } catch (Exception ignored) {
            // no git, no checkout: the version stays "unknown"
        }
        cachedCodeVersion = result;
        return result;
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = dir.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).trim() : null;
    }
}
