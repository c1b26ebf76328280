package se.stratlas.accounts.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.shared.Texts;

/**
 * On the first start: the organisation of the instance and its first administrator, who
 * is also the platform administrator (creates further organisations). The password comes
 * from {@code STRATLAS_ADMIN_PASSWORD}, or is generated and printed once in the log;
 * either way it must be changed at the first sign-in.
 */
@Component
@Order(0)
public class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final Organisations organisations;

	private final UserAccounts users;

	private final String organisationCode;

	private final String organisationName;

	private final String username;

	private final String password;

	FirstAdministrator(Organisations organisations, UserAccounts users,
			@Value("${stratlas.bootstrap.organisation-code:region}") String organisationCode,
			@Value("${stratlas.bootstrap.organisation-name:Min organisation}") String organisationName,
			@Value("${stratlas.bootstrap.admin-username:admin}") String username,
			@Value("${stratlas.bootstrap.admin-password:}") String password) {
		this.organisations = organisations;
		this.users = users;
		this.organisationCode = organisationCode;
		this.organisationName = organisationName;
		this.username = username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.users.anyPlatformAdministrator()) {
			return;
		}
		Organisation organisation = this.organisations.ensure(this.organisationCode, this.organisationName);
		String initial = Texts.clean(this.password);
		boolean generated = initial == null;
		if (generated) {
			byte[] random = new byte[15];
			new SecureRandom().nextBytes(random);
			initial = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		}
		String chosen = initial;
		this.users.createFirstAdministrator(organisation.id(), this.username, chosen).ifPresent(admin -> {
			if (generated) {
				log.warn("""

						==========================================================================
						 First administrator created: user '{}', password '{}'
						 This is printed once. Sign in and choose a new password.
						==========================================================================""", admin.username(),
						chosen);
			}
			else {
				log.info("First administrator '{}' created with the password from STRATLAS_ADMIN_PASSWORD",
						admin.username());
			}
		});
	}

}
