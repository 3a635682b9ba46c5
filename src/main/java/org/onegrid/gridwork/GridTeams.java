package org.onegrid.gridwork;

import org.onegrid.grid.Compounds;
import java.util.List;
import java.util.Optional;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.GridAssignment;
import org.onegrid.directory.GridPost;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.grid.GridLevel;
import org.onegrid.grid.GridLocation;
import org.onegrid.grid.GridNode;
import org.onegrid.grid.GridService;
import org.springframework.stereotype.Service;

/**
 * 网格公开 (seed 004): what residents see of their grid: who serves it in which post, with the
 * contact phone each chose to publish, and its compounds and buildings. No account names and no
 * phone that was not entered for publication.
 */
@Service
public class GridTeams {

    public record PublicPost(GridPost post, String name, String duty, String placeCode, String contactPhone) {
    }

    public record PublicTeam(String gridCode, String gridName, List<String> path, List<PublicPost> posts,
                             List<Compounds.Compound> compounds) {
    }

    private final GridService grids;
    private final DirectoryService directory;
    private final Compounds compounds;

    GridTeams(GridService grids, DirectoryService directory, Compounds compounds) {
        this.grids = grids;
        this.directory = directory;
        this.compounds = compounds;
    }

    public PublicTeam publicTeam(String gridCode) {
        GridNode node = grids.node(gridCode).filter(n -> n.level() == GridLevel.GRID)
                .orElseThrow(() -> ApiProblemException.notFound("base grid", gridCode));
        GridLocation location = grids.location(node.code().value());
        List<PublicPost> posts = directory.assignments(gridCode).stream().map(GridTeams::published).toList();
        return new PublicTeam(gridCode, node.name(), location.path().stream().map(GridLocation.PathElement::name).toList(),
                posts, compounds.under(gridCode));
    }

    /** The team of the grid holding a point, if the point lies in one. */
    public Optional<PublicTeam> publicTeamAt(double lat, double lng) {
        return grids.locate(lat, lng).map(l -> publicTeam(l.gridCode()));
    }

    private static PublicPost published(GridAssignment a) {
        return new PublicPost(a.post(), a.displayName(), a.duty(), a.placeCode(), a.contactPhone());
    }
}
