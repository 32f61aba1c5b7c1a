package org.citybridge.municipality.imports;

import java.util.List;

import org.citybridge.system.RunCommand;

import org.springframework.boot.ApplicationArguments;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar citybridge.jar import-municipalities FILE [--skip-invalid]}: imports places
 * from the command line, prints progress and the report, and exits (0 applied, 1 refused, 2 usage, 3 failed, such as the database out of reach).
 * The same import is {@link MunicipalityImport}'s API, for a staff page.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ImportCommand extends RunCommand {

	static final String NAME = "import-municipalities";

	private final MunicipalityImport importer;

	ImportCommand(MunicipalityImport importer, ConfigurableApplicationContext context) {
		super(NAME, "FILE[.gz] [--skip-invalid]", context);
		this.importer = importer;
	}

	@Override
	protected int execute(List<String> words, ApplicationArguments args) {
		return execute(words, args.containsOption("skip-invalid"));
	}

	int execute(List<String> words, boolean skipInvalid) {
		return onFile(words, file -> {
			this.out.printf("Importing %s (%s)%n", file, skipInvalid ? "skipping invalid rows" : "all or nothing");
			try {
				ImportReport report = this.importer.importFile(file,
						skipInvalid ? ImportOptions.skippingInvalidRows() : ImportOptions.allOrNothing(), new Console());
				print(report);
				return report.applied() ? 0 : 1;
			}
			catch (ImportFileInvalid ex) {
				this.out.println("Refused: " + ex.getMessage());
				return 1;
			}
		});
	}

	private void print(ImportReport r) {
		this.out.printf("Rows read:       %,d%n", r.rows());
		this.out.printf("Rejected:        %,d%n", r.rejected());
		this.out.printf("Not living:      %,d (historical, abandoned or destroyed places, skipped)%n", r.notLiving());
		if (r.applied()) {
			this.out.printf("Added:           %,d%n", r.inserted());
			this.out.printf("Updated:         %,d%n", r.updated());
			this.out.printf("Unchanged:       %,d%n", r.unchanged());
		}
		else {
			this.out.println("Nothing was applied: the file has invalid rows. Fix them, or run again with"
					+ " --skip-invalid to apply the valid rows only.");
		}
		this.out.printf("Time:            %.1f s (%,.0f rows/s)%n", r.duration().toMillis() / 1000.0, r.rowsPerSecond());
	}

	/** Progress and rejected rows on the console, as they happen. */
	private final class Console implements ImportProgress {

		@Override
		public void rows(long done, long rejected, double rowsPerSecond) {
			ImportCommand.this.out.printf("  %,d rows read, %,d rejected, %,.0f rows/s%n", done, rejected, rowsPerSecond);
		}

		@Override
		public void rejected(ImportReport.Rejection r) {
			ImportCommand.this.out.printf("  line %d rejected: %s: %s%n", r.line(), r.reason(), r.value());
		}

		@Override
		public void applying() {
			ImportCommand.this.out.println("  writing to the database…");
		}
	}
}
