package org.citybridge.system;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A command of the portal's jar that imports one file and exits ({@code java -jar citybridge.jar
 * NAME FILE [options]}): when the first word names it, it checks the file (2 and the usage when
 * there is none to read), runs, prints on the console and exits with the run's code, or 3 when the
 * run failed (the database out of reach, say). The feature's command says what its run does.
 */
public abstract class RunCommand implements ApplicationRunner {

	/** A run of the command on its file; returns the exit code. */
	@FunctionalInterface
	protected interface FileRun {

		int on(Path file) throws IOException;
	}

	protected final PrintStream out = System.out;

	private final String name;

	private final String usage;

	private final ConfigurableApplicationContext context;

	/**
	 * @param name the command's word
	 * @param usage what follows the word, as the usage line shows it
	 */
	protected RunCommand(String name, String usage, ConfigurableApplicationContext context) {
		this.name = name;
		this.usage = usage;
		this.context = context;
	}

	@Override
	public final void run(ApplicationArguments args) {
		List<String> words = args.getNonOptionArgs();
		if (words.isEmpty() || !this.name.equals(words.get(0))) {
			return;
		}
		int code = execute(words, args);
		int exit = SpringApplication.exit(this.context, (ExitCodeGenerator) () -> code);
		System.exit(exit);
	}

	/** Runs the command with its words and options; returns the exit code. */
	protected abstract int execute(List<String> words, ApplicationArguments args);

	/** Runs on the file the words name, if it can be read; a run that fails exits 3. */
	protected final int onFile(List<String> words, FileRun run) {
		if (words.size() != 2 || !Files.isReadable(Path.of(words.get(1)))) {
			this.out.println("Usage: java -jar citybridge.jar " + this.name + " " + this.usage);
			return 2;
		}
		try {
			return run.on(Path.of(words.get(1)));
		}
		catch (IOException ex) {
			this.out.println("Cannot read " + Path.of(words.get(1)) + ": " + ex.getMessage());
			return 1;
		}
		catch (RuntimeException ex) {
			return DatabaseUnreachable.commandFailed(this.out, ex);
		}
	}

	/**
	 * When the portal is started to run the command {@code name}, its web server listens on a free
	 * port of its own, quietly, so that it does not clash with a portal already running on this
	 * machine (it still starts one: the security configuration needs a web application). For the
	 * command's {@code EnvironmentPostProcessor}.
	 */
	public static void settle(ConfigurableEnvironment environment, String name, String source) {
		String words = environment.getProperty("nonOptionArgs", "");
		if (words.equals(name) || words.startsWith(name + ",")) {
			environment.getPropertySources().addFirst(new MapPropertySource(source, PublicUrl.commandSettings(environment)));
		}
	}
}
