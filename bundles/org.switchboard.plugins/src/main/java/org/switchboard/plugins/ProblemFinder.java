package org.switchboard.plugins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.ExecutionEnvironmentNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.switchboard.api.plugins.PluginProblem;

/**
 * What keeps a bundle from working, in words for people: requirements no installed bundle can satisfy (why it does
 * not resolve), and Declarative Services components that wait for a reference or failed to activate, as SCR
 * reports them in its DTOs.
 */
final class ProblemFinder {

    private static final Pattern FILTER_ATTRIBUTE = Pattern.compile("\\((osgi\\.wiring\\.package|osgi\\.wiring\\.bundle"
            + "|osgi\\.ee|osgi\\.extender|osgi\\.service|objectClass)=([^)]*)\\)");
    private static final Pattern LOWER_VERSION = Pattern.compile("\\((?:bundle-)?version>=([^)]*)\\)");
    private static final Pattern UPPER_VERSION = Pattern.compile("\\(!\\((?:bundle-)?version>=([^)]*)\\)\\)");

    private final FrameworkWiring wiring;

    ProblemFinder(FrameworkWiring wiring) {
        this.wiring = wiring;
    }

    /** For a bundle that is not resolved: each mandatory requirement that no installed bundle offers. */
    List<PluginProblem> unresolved(Bundle bundle) {
        List<PluginProblem> problems = new ArrayList<>();
        if (bundle.getState() != Bundle.INSTALLED) {
            return problems;
        }
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return problems;
        }
        for (Requirement requirement : revision.getRequirements(null)) {
            String resolution = requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE);
            if (Namespace.RESOLUTION_OPTIONAL.equals(resolution) || PackageNamespace.RESOLUTION_DYNAMIC.equals(resolution)) {
                continue;
            }
            if (wiring.findProviders(requirement).isEmpty()) {
                problems.add(new PluginProblem(PluginProblem.Kind.UNRESOLVED,
                        "Does not resolve: nothing installed provides " + describe(requirement)));
            }
        }
        return problems;
    }

    /** Describes a requirement the way its manifest would say it: {@code package org.x [1.0.0,2.0.0)}. */
    static String describe(Requirement requirement) {
        String filter = requirement.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
        String what = switch (requirement.getNamespace()) {
            case PackageNamespace.PACKAGE_NAMESPACE -> "package";
            case BundleNamespace.BUNDLE_NAMESPACE -> "bundle";
            case ExecutionEnvironmentNamespace.EXECUTION_ENVIRONMENT_NAMESPACE -> "execution environment";
            default -> requirement.getNamespace();
        };
        Matcher name = FILTER_ATTRIBUTE.matcher(filter);
        if (!name.find()) {
            return what + " " + filter;
        }
        Matcher lower = LOWER_VERSION.matcher(filter);
        Matcher upper = UPPER_VERSION.matcher(filter);
        String range = "";
        if (lower.find()) {
            range = upper.find() ? " [" + lower.group(1) + "," + upper.group(1) + ")" : " " + lower.group(1) + " or later";
        }
        return what + " " + name.group(2) + range;
    }

    /** Components of an active bundle that wait for a reference or failed to activate. */
    static List<PluginProblem> components(ServiceComponentRuntime scr, Bundle bundle) {
        List<PluginProblem> problems = new ArrayList<>();
        if (scr == null || bundle.getState() != Bundle.ACTIVE || bundle.getHeaders("").get("Service-Component") == null) {
            return problems;
        }
        Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs(bundle);
        for (ComponentDescriptionDTO description : descriptions) {
            if (!scr.isComponentEnabled(description)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    problems.add(new PluginProblem(PluginProblem.Kind.COMPONENT, "Component " + description.name
                            + " failed to activate: " + firstLine(configuration.failure)));
                } else if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    for (UnsatisfiedReferenceDTO unsatisfied : configuration.unsatisfiedReferences) {
                        problems.add(new PluginProblem(PluginProblem.Kind.COMPONENT, "Component " + description.name
                                + " waits for " + interfaceOf(description, unsatisfied.name)
                                + (unsatisfied.target == null ? "" : " " + unsatisfied.target)));
                    }
                }
            }
        }
        return problems;
    }

    private static String interfaceOf(ComponentDescriptionDTO description, String reference) {
        for (ReferenceDTO dto : description.references) {
            if (dto.name.equals(reference)) {
                return dto.interfaceName;
            }
        }
        return reference;
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "no reason given";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** A fragment attaches to a host instead of starting. */
    static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }
}
