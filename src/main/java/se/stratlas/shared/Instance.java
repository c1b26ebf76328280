package se.stratlas.shared;

import java.time.Duration;
import java.util.UUID;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This running instance of Stratlas, as other instances see it: an id, and a heartbeat in
 * PostgreSQL every {@code stratlas.jobs.heartbeat}. A background job records the instance
 * that runs it; {@link #reapInterrupted} marks the jobs of instances that have stopped
 * beating for {@code stratlas.jobs.stale-after} as failed, so that a job killed with its
 * process is neither left "running" for ever nor blocks a new run.
 */
@Component
public class Instance {

	private static final Logger log = LoggerFactory.getLogger(Instance.class);

	private final UUID id = UUID.randomUUID();

	private final JdbcClient jdbc;

	private final Duration staleAfter;

	private volatile boolean registered;

	Instance(JdbcClient jdbc, @Value("${stratlas.jobs.stale-after:30s}") Duration staleAfter) {
		this.jdbc = jdbc;
		this.staleAfter = staleAfter;
	}

	/** The id a job records; the instance is registered as alive first. */
	public UUID id() {
		if (!this.registered) {
			beat();
		}
		return this.id;
	}

	@Scheduled(fixedDelayString = "${stratlas.jobs.heartbeat:5s}")
	public void beat() {
		this.jdbc.sql("""
				insert into shared_instance (id) values (:id)
				on conflict (id) do update set heartbeat_at = now()""").param("id", this.id).update();
		if (!this.registered) {
			this.registered = true;
			// Instances that stopped long ago are forgotten.
			this.jdbc.sql("delete from shared_instance where heartbeat_at < now() - interval '1 day'").update();
		}
	}

	/**
	 * Marks the running jobs of a table ({@code status}, {@code instance_id},
	 * {@code finished_at} and an error column) whose instance is no longer alive as
	 * {@code FAILED} with the message.
	 * @return how many jobs were marked
	 */
	public int reapInterrupted(String table, String errorColumn, String message) {
		if (!table.matches("[a-z_]+") || !errorColumn.matches("[a-z_]+")) {
			throw new IllegalArgumentException(table + "." + errorColumn);
		}
		int reaped = this.jdbc
			.sql("update " + table + " set status = 'FAILED', finished_at = now(), " + errorColumn
					+ " = :message where status = 'RUNNING' and (instance_id is null or (instance_id <> :me"
					+ " and instance_id not in (select id from shared_instance"
					+ " where heartbeat_at > now() - make_interval(secs => :stale))))")
			.param("message", message)
			.param("me", this.id)
			.param("stale", (double) this.staleAfter.toMillis() / 1000)
			.update();
		if (reaped > 0) {
			log.warn("{} job(s) in {} were interrupted by a stopped instance and are marked as failed", reaped, table);
		}
		return reaped;
	}

	/** Stops beating when the application shuts down cleanly. */
	@PreDestroy
	void stop() {
		try {
			this.jdbc.sql("delete from shared_instance where id = :id").param("id", this.id).update();
		}
		catch (RuntimeException ex) {
			log.debug("Could not remove instance {} on shutdown", this.id, ex);
		}
	}

}
