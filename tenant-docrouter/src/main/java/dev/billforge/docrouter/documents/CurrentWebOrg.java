package dev.billforge.docrouter.documents;

import java.util.Optional;

import dev.billforge.orgs.OrgId;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Which org a signed-in person is working in, for DocRouter's pages. The web app supplies a bean;
 * without one the pages read the session attribute {@link #SESSION_ATTRIBUTE} (an org id string).
 */
public interface CurrentWebOrg {

	String SESSION_ATTRIBUTE = "billforge.orgId";

	Optional<OrgId> current(HttpServletRequest request);

}
