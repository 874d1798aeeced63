package dev.billforge.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the numbers were measured on, and how busy it was: other processes share these 2
 * cores.
 */
final class Machine {

	private Machine() {
	}

	/** The 1-minute load average, or NaN where /proc is missing. */
	static double load() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	/**
	 * CPU time this JVM has used (all threads: the embedded database, the server and the
	 * clients).
	 */
	static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return -1;
	}

	static String describe() {
		StringBuilder out = new StringBuilder();
		out.append("nproc: ").append(Runtime.getRuntime().availableProcessors()).append('\n');
		out.append("memory: ").append(firstLine("/proc/meminfo", "MemTotal")).append('\n');
		out.append("cpu: ").append(firstLine("/proc/cpuinfo", "model name")).append('\n');
		out.append("java: ")
			.append(System.getProperty("java.vm.name"))
			.append(' ')
			.append(System.getProperty("java.runtime.version"))
			.append(" (max heap ")
			.append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
			.append(" MiB)\n");
		out.append("os: ")
			.append(System.getProperty("os.name"))
			.append(' ')
			.append(System.getProperty("os.version"))
			.append(' ')
			.append(System.getProperty("os.arch"))
			.append('\n');
		return out.toString();
	}

	private static String firstLine(String file, String prefix) {
		try (Stream<String> lines = Files.lines(Path.of(file))) {
			return lines.filter(line -> line.startsWith(prefix))
				.findFirst()
				.map(line -> line.substring(line.indexOf(':') + 1).strip())
				.orElse("unknown");
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

}
