package org.onegrid.petitions;

import java.util.List;
import java.util.Optional;

/**
 * How a petition is graded (红黄蓝三级分类): the administrator's rules are tried in their order and
 * the first that holds gives the grade (a risk to life, a group of so many, an escalation past the
 * district, so many earlier petitions of the same person or matter); none holding, it is blue.
 */
final class GradingPolicy {

    enum Grade { RED, YELLOW, BLUE }

    enum Kind { RISK_TO_LIFE, GROUP_SIZE, REPEATS, ESCALATED }

    record Rule(long id, int position, String name, Kind kind, int threshold, Grade grade, boolean active) {
    }

    /** What a petition says of itself, as the rules read it. */
    record Facts(boolean riskToLife, int groupSize, int earlierPetitions, boolean escalated) {
    }

    record Graded(Grade grade, Optional<Rule> by) {
    }

    private GradingPolicy() {
    }

    static Graded grade(List<Rule> rules, Facts facts) {
        return rules.stream().filter(Rule::active).sorted(java.util.Comparator.comparingInt(Rule::position))
                .filter(r -> holds(r, facts)).findFirst()
                .map(r -> new Graded(r.grade(), Optional.of(r)))
                .orElse(new Graded(Grade.BLUE, Optional.empty()));
    }

    static boolean holds(Rule rule, Facts facts) {
        return switch (rule.kind()) {
            case RISK_TO_LIFE -> facts.riskToLife();
            case GROUP_SIZE -> facts.groupSize() >= rule.threshold();
            case REPEATS -> facts.earlierPetitions() >= rule.threshold();
            case ESCALATED -> facts.escalated();
        };
    }
}
