package se.stratlas.exchange.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.stratlas.exchange.Auctions;
import se.stratlas.shared.ImportBusyException;
import se.stratlas.shared.JobRunner;

/**
 * Closes listings at their deadline, by itself: every few seconds
 * ({@code stratlas.exchange.close-every}, default 5 s) the listings whose deadline has
 * passed are closed, each in its own transaction, as a job of the one job runner. A
 * closing that finds the runner full waits for the next round; a listing that another
 * instance has closed meanwhile is left as it is (the closing takes the listing's lock
 * and checks its state).
 */
@Component
public class Closings {

	private static final Logger log = LoggerFactory.getLogger(Closings.class);

	private final Auctions auctions;

	private final JobRunner jobs;

	Closings(Auctions auctions, JobRunner jobs) {
		this.auctions = auctions;
		this.jobs = jobs;
	}

	@Scheduled(fixedDelayString = "${stratlas.exchange.close-every:5s}",
			initialDelayString = "${stratlas.exchange.close-every:5s}")
	public void closeDue() {
		if (this.auctions.due().isEmpty()) {
			return;
		}
		try {
			this.jobs.run("exchange-closings", () -> {
				int closed = 0;
				for (long id : this.auctions.due()) {
					try {
						this.auctions.close(id);
						closed++;
					}
					catch (RuntimeException ex) {
						log.warn("Listing {} could not be closed; tried again next round", id, ex);
					}
				}
				return closed;
			});
		}
		catch (ImportBusyException ex) {
			log.debug("The job runner is full; listings are closed next round");
		}
	}

}
