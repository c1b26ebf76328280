package se.stratlas.shared;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * The one runner of heavy background work (imports of files and of Kolada, report
 * editions): jobs take turns, at most one per user (or per key) at a time, and at most
 * {@code stratlas.imports.concurrent} per instance (default: half the processors, at
 * least one, so that a job never takes every core from the pages). A second job under the
 * same key is refused at once; when the instance is full a job waits up to
 * {@code stratlas.imports.wait} (default 10 s) and is then refused. Either refusal is an
 * {@link ImportBusyException} (429). Together with the limits on what a file may hold
 * ({@code shared.tables.TableLimits}), this bounds the memory background work takes,
 * whoever sends what. A job that a restart interrupts is marked so by its owner (see
 * {@link Instance}).
 * <p>
 * The jobs run on platform threads of their own, one per turn, never on the request's
 * virtual thread: parsing a file or laying out a PDF is CPU work that does not block, and
 * on a virtual thread it would hold a carrier thread so that every other request (the
 * health probe among them) waits for it.
 */
@Component
public class JobRunner {

	private final Semaphore instance;

	private final int limit;

	private final Duration wait;

	private final Set<String> running = ConcurrentHashMap.newKeySet();

	private final ExecutorService workers;

	JobRunner(@Value("${stratlas.imports.concurrent:0}") int limit,
			@Value("${stratlas.imports.wait:10s}") Duration wait) {
		this.limit = limit > 0 ? limit : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
		this.instance = new Semaphore(this.limit, true);
		this.wait = wait;
		AtomicInteger number = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(this.limit, task -> {
			Thread thread = new Thread(task, "stratlas-job-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@PreDestroy
	void stop() {
		this.workers.shutdownNow();
	}

	/** A held turn; closing it (once or more) gives it back. */
	public final class Slot implements AutoCloseable {

		private final String who;

		private boolean closed;

		private Slot(String who) {
			this.who = who;
		}

		@Override
		public synchronized void close() {
			if (!this.closed) {
				this.closed = true;
				JobRunner.this.instance.release();
				JobRunner.this.running.remove(this.who);
			}
		}

	}

	/**
	 * Takes a turn for the user's import; give it back with {@link Slot#close()} when the
	 * import is done (also when it runs in the background).
	 * @throws ImportBusyException when the user has an import running or the instance is
	 * full
	 */
	public Slot take(String who) {
		if (!this.running.add(who)) {
			throw new ImportBusyException(ImportBusyException.Reason.YOURS, this.limit);
		}
		try {
			if (!this.instance.tryAcquire(this.wait.toMillis(), TimeUnit.MILLISECONDS)) {
				this.running.remove(who);
				throw new ImportBusyException(ImportBusyException.Reason.INSTANCE, this.limit);
			}
		}
		catch (InterruptedException ex) {
			this.running.remove(who);
			Thread.currentThread().interrupt();
			throw new ImportBusyException(ImportBusyException.Reason.INSTANCE, this.limit);
		}
		return new Slot(who);
	}

	/**
	 * Runs the import during a turn on an import thread and waits for it; what it throws
	 * is thrown here. The work runs outside the caller's transaction (it opens its own).
	 */
	public <T> T run(String who, Supplier<T> work) {
		try (Slot slot = take(who)) {
			return this.workers.submit(work::get).get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while importing", ex);
		}
	}

	/**
	 * Starts the import during a turn on an import thread and returns at once; the turn
	 * ends when the import does.
	 */
	public <T> CompletableFuture<T> start(String who, Supplier<T> work) {
		return submit(take(who), work);
	}

	/**
	 * Runs the import of a turn already taken on an import thread; the turn ends when the
	 * import does.
	 */
	public <T> CompletableFuture<T> submit(Slot slot, Supplier<T> work) {
		try {
			return CompletableFuture.supplyAsync(work, this.workers).whenComplete((result, failure) -> slot.close());
		}
		catch (RuntimeException ex) {
			slot.close();
			throw ex;
		}
	}

	/** How many imports run now. */
	public int running() {
		return this.limit - this.instance.availablePermits();
	}

}
