package se.stratlas.accounts.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.stratlas.accounts.UserAccounts;

@Controller
class LoginController {

	private final UserAccounts users;

	private final ObjectProvider<ClientRegistrationRepository> clients;

	private final String registrationId;

	private final String demoPassword;

	LoginController(UserAccounts users, ObjectProvider<ClientRegistrationRepository> clients,
			@Value("${stratlas.oidc.registration-id:oidc}") String registrationId,
			@Value("${stratlas.demo.password:stratlas-demo}") String demoPassword) {
		this.users = users;
		this.clients = clients;
		this.registrationId = registrationId;
		this.demoPassword = demoPassword;
	}

	@GetMapping("/login")
	@PreAuthorize("permitAll()")
	String login(Model model) {
		UserAccounts.DemoSignIns demo = this.users.demoSignIns();
		model.addAttribute("demoUsers", demo.users());
		model.addAttribute("demoPassword", this.demoPassword);
		model.addAttribute("organisationNames", demo.organisationNames());
		model.addAttribute("ssoEnabled", this.clients.getIfAvailable() != null);
		model.addAttribute("ssoRegistration", this.registrationId);
		return "login";
	}

	/** A page to sign out from (signing out itself is a POST, protected by CSRF). */
	@GetMapping("/logout")
	@PreAuthorize("permitAll()")
	String logout() {
		return "logout";
	}

}
