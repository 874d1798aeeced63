package dev.billforge.generator.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.billforge.generator.internal.Workspace.Tenant;

/**
 * The generator's operations on a {@link Workspace}. Every operation checks and renders
 * everything first and writes last: a new tenant is assembled in a hidden temporary
 * folder and moved into place, then the compose file and finally the root pom are
 * replaced atomically.
 */
public final class TenantGenerator {

	/** Recorded in every tenant.yml; bump it when the rendered output changes. */
	public static final String VERSION = "0.1.0";

	private final Workspace workspace;

	public TenantGenerator(Workspace workspace) {
		this.workspace = workspace;
	}

	/** Refuses answers that clash with an existing tenant, naming the option. */
	public void checkNew(TenantAnswers a) throws IOException {
		Path dir = workspace.root().resolve(a.module());
		if (Files.exists(dir)) {
			throw new InvalidAnswerException(
					a.module().equals("tenant-" + TenantAnswers.slugOf(a.name())) ? "--name" : "--slug",
					"folder " + a.module() + " already exists; choose another --name or --slug");
		}
		for (Tenant t : workspace.tenants()) {
			TenantAnswers other = t.answers();
			if (other.tag().equals(a.tag())) {
				throw new InvalidAnswerException("--tag", "'" + a.tag() + "' is already used by " + other.module());
			}
			if (other.port() == a.port()) {
				throw new InvalidAnswerException("--port",
						a.port() + " is already taken by " + other.module() + " (" + other.tag() + ")");
			}
			if (other.javaPackage().equals(a.javaPackage()) || other.applicationName().equals(a.applicationName())) {
				throw new InvalidAnswerException("--slug",
						"package/application name '" + a.applicationName() + "' is already used by " + other.module());
			}
		}
	}

	/**
	 * Creates the tenant: folder (via a temporary folder), then docker-compose.yml, then
	 * the root pom.
	 */
	public Path create(TenantAnswers a) throws IOException {
		checkNew(a);
		Path target = workspace.root().resolve(a.module());
		List<TenantAnswers> all = new ArrayList<>(workspace.tenants().stream().map(Tenant::answers).toList());
		all.add(a);
		String compose = ComposeRenderer.render(all,
				t -> ProductEnvironment.read(workspace.root().resolve(t.module())));
		String rootPom = RootPom.withModule(Files.readString(workspace.rootPom(), StandardCharsets.UTF_8), a.module());
		removeLeftovers(a.module());
		Path stage = Files.createTempDirectory(workspace.root(), "." + a.module() + ".tmp-");
		try {
			for (Map.Entry<String, String> f : renderAll(a).entrySet()) {
				Path file = stage.resolve(f.getKey());
				Files.createDirectories(file.getParent());
				Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
			}
			AtomicFiles.move(stage, target);
		}
		finally {
			AtomicFiles.deleteRecursively(stage);
		}
		AtomicFiles.write(workspace.composeFile(), compose);
		AtomicFiles.write(workspace.rootPom(), rootPom);
		return target;
	}

	/**
	 * Staging folders a killed run of this module left behind (never visible as a tenant:
	 * they are hidden).
	 */
	private void removeLeftovers(String module) throws IOException {
		try (var entries = Files.list(workspace.root())) {
			for (Path p : entries.filter(p -> p.getFileName().toString().startsWith("." + module + ".tmp-")).toList()) {
				AtomicFiles.deleteRecursively(p);
			}
		}
	}

	/**
	 * Everything generated inside the tenant folder: text files plus the brand pack when
	 * it is managed.
	 */
	public static Map<String, String> renderAll(TenantAnswers a) throws IOException {
		Map<String, String> files = new LinkedHashMap<>(TenantRenderer.render(a));
		if (a.brand().managed()) {
			files.putAll(BrandFiles.render(a));
		}
		return files;
	}

	/**
	 * What regenerating {@code tenant} with this generator would change (paths relative
	 * to the repository root).
	 */
	public List<FileChange> regenerationChanges(Tenant tenant) throws IOException {
		TenantAnswers a = tenant.answers().withGeneratorVersion(VERSION);
		List<FileChange> changes = new ArrayList<>();
		String prefix = workspace.root().relativize(tenant.dir()).toString().replace('\\', '/') + "/";
		for (Map.Entry<String, String> f : renderAll(a).entrySet()) {
			String before = AtomicFiles.readOrEmpty(tenant.dir().resolve(f.getKey()));
			if (!before.equals(f.getValue())) {
				changes.add(new FileChange(prefix + f.getKey(), before, f.getValue()));
			}
		}
		changes.addAll(sharedChanges(a));
		return changes;
	}

	/**
	 * Changes to docker-compose.yml and the root pom (the latter last, so it is applied
	 * last).
	 */
	private List<FileChange> sharedChanges(TenantAnswers a) throws IOException {
		List<FileChange> changes = new ArrayList<>();
		List<TenantAnswers> all = new ArrayList<>();
		for (Tenant t : workspace.tenants()) {
			all.add(t.answers().tag().equals(a.tag()) ? a : t.answers());
		}
		String compose = ComposeRenderer.render(all,
				t -> ProductEnvironment.read(workspace.root().resolve(t.module())));
		String composeBefore = AtomicFiles.readOrEmpty(workspace.composeFile());
		if (!compose.equals(composeBefore)) {
			changes.add(new FileChange(ComposeRenderer.FILE_NAME, composeBefore, compose));
		}
		String pomBefore = Files.readString(workspace.rootPom(), StandardCharsets.UTF_8);
		String pom = RootPom.withModule(pomBefore, a.module());
		if (!pom.equals(pomBefore)) {
			changes.add(new FileChange("pom.xml", pomBefore, pom));
		}
		return changes;
	}

	/** Writes the changes in order, each file atomically. */
	public void apply(List<FileChange> changes) throws IOException {
		for (FileChange c : changes) {
			AtomicFiles.write(workspace.root().resolve(c.path()), c.after());
		}
	}

}
