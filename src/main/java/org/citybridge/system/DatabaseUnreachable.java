package org.citybridge.system;

import java.io.PrintStream;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure to reach the database (no connection within the pool's timeout, a connection
 * that died under the request) from any other failure, so that a page can answer 503 and a
 * command can say so in one line instead of a stack trace.
 */
public final class DatabaseUnreachable {

	private DatabaseUnreachable() {
	}

	/** Whether the failure, or one of its causes, is the database out of reach. */
	public static boolean causedBy(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException
					|| t instanceof CannotCreateTransactionException) {
				return true;
			}
			if (t instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
					// the pool's word for a connection that died under the request (its rollback then fails too)
					|| "Connection is closed".equals(sql.getMessage()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A command (an import) could not finish: one line saying why instead of a stack trace, and
	 * exit code 3. Imports are one transaction each, so nothing of them was applied.
	 */
	public static int commandFailed(PrintStream out, RuntimeException failure) {
		if (causedBy(failure)) {
			out.println("Failed: the database could not be reached or stopped answering. Nothing was applied;"
					+ " run the import again when PostgreSQL is back.");
		}
		else {
			out.println("Failed: " + failure.getClass().getSimpleName()
					+ (failure.getMessage() == null ? "" : ": " + failure.getMessage()) + ". Nothing was applied.");
		}
		return 3;
	}
}
