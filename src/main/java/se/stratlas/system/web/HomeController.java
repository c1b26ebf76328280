package se.stratlas.system.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	@GetMapping("/")
	@PreAuthorize("permitAll()")
	String home(Model model) {
		model.addAttribute("activeNav", "home");
		return "home";
	}

}
