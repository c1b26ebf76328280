package se.stratlas.followup.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Marks every follow-up screen as such in the main navigation. */
@ControllerAdvice(basePackageClasses = FollowupNav.class)
class FollowupNav {

	@ModelAttribute("activeNav")
	String activeNav() {
		return "followup";
	}

}
