package se.stratlas.shared;

import java.net.ConnectException;
import java.sql.SQLException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure to reach PostgreSQL (a connection that could not be had or was lost)
 * from a bug or a refused statement: the first is answered with 503 and retried by the
 * user, the second is an error.
 */
public final class DatabaseFailures {

	private DatabaseFailures() {
	}

	/**
	 * Whether the failure comes from PostgreSQL being out of reach: a refused or broken
	 * connection (SQL state class 08, or the server shutting down, 57P01–57P03). A pool
	 * that is merely busy (every connection in use until the timeout) is not an outage.
	 */
	public static boolean unreachable(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ConnectException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01")
							|| sql.getSQLState().equals("57P02") || sql.getSQLState().equals("57P03"))) {
				return true;
			}
			// A rollback that failed on a lost connection hides the failure that caused
			// it.
			if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& unreachable(rollback.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Rethrows an authentication failure that only means the database is gone, so that
	 * the user gets a 503 rather than "wrong password".
	 */
	public static void rethrowIfUnreachable(RuntimeException failure) {
		if (unreachable(failure)) {
			throw new DataAccessResourceFailureException("PostgreSQL is unreachable", failure);
		}
	}

}
