package se.stratlas.initiatives;

import java.util.Locale;

/** The small vocabularies of initiatives, each with its message key. */
public final class Kinds {

	private Kinds() {
	}

	/** What kind of undertaking an initiative is. */
	public enum InitiativeType {

		INSATS, PROJEKT, FORSTUDIE, UPPDRAG, MOTESPLATS, NATVERK, STRATEGI, STODFORM, ANALYS, EVENEMANG;

		public String messageKey() {
			return "initiative.type." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** Where an initiative is in its life. */
	public enum Status {

		PLANERAD, PAGAENDE, AVSLUTAD;

		public String messageKey() {
			return "initiative.status." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** Where money comes from. */
	public enum FundingSource {

		ANSLAG_1_1, ERUF, INTERREG, VINNOVA, HORISONT_EUROPA, STATLIGA_MEDEL, KOMMUNER, EGNA_MEDEL, PRIVATA_MEDEL,
		OVRIGT;

		public String messageKey() {
			return "funding.source." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** The decision on an application. */
	public enum Decision {

		INKOMMEN, BEVILJAD, AVSLAG;

		public String messageKey() {
			return "application.decision." + name().toLowerCase(Locale.ROOT);
		}

	}

}
