package dev.vigil.query.sentryapi.issues;

import dev.vigil.query.auth.Caller;
import dev.vigil.query.auth.CurrentCaller;
import dev.vigil.query.rest.ApiException;
import dev.vigil.query.rest.Params;
import dev.vigil.state.accounts.Account;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.issues.IssueComment;
import dev.vigil.state.issues.IssueComments;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Comments on an issue as Sentry's notes: {@code POST /issues/{id}/comments/ {"text": ...}} answers
 * 201 with the activity ({@code type: "note"}), {@code GET} lists them newest first. Reading needs
 * event:read, writing event:write.
 */
@Path("/api/0")
public class SentryCommentResource {

  /** The text of a note, as Sentry's comment body has it. */
  record NoteRequest(String text) {}

  record UserJson(String id, String name, String username, String email) {}

  /** Sentry's activity shape for a note. */
  record NoteJson(String id, UserJson user, String type, Map<String, String> data, Instant dateCreated) {}

  @Inject SentryIssues issues;
  @Inject IssueComments comments;
  @Inject Accounts accounts;
  @Inject CurrentCaller current;

  @POST
  @Path("/issues/{id: \\d+}/comments/")
  public Uni<RestResponse<NoteJson>> add(@PathParam("id") long id, NoteRequest note) {
    if (note == null || note.text() == null || note.text().isBlank()) {
      throw ApiException.badRequest("text: This field is required.");
    }
    if (note.text().length() > IssueComments.MAX_TEXT) {
      throw ApiException.badRequest("text: at most " + IssueComments.MAX_TEXT + " characters");
    }
    Caller caller = current.get();
    return issues
        .require(null, id, Scope.EVENT_WRITE)
        .chain(found -> comments.add(id, caller.userId(), caller.tokenId(), note.text()))
        .chain(c -> withUsers(List.of(c)))
        .map(json -> RestResponse.status(Response.Status.CREATED, json.get(0)));
  }

  @GET
  @Path("/issues/{id: \\d+}/comments/")
  public Uni<List<NoteJson>> list(@PathParam("id") long id, @QueryParam("limit") String limit) {
    int size = Params.intInRange("limit", limit, 100, 1, 100);
    return issues
        .require(null, id, Scope.EVENT_READ)
        .chain(found -> comments.list(id, 0, size))
        .chain(this::withUsers);
  }

  /** The comments with their authors (one lookup per distinct author). */
  private Uni<List<NoteJson>> withUsers(List<IssueComment> list) {
    Set<Long> userIds = new LinkedHashSet<>();
    list.stream().map(IssueComment::userId).filter(u -> u != null).forEach(userIds::add);
    Map<Long, UserJson> users = new HashMap<>();
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (Long userId : userIds) {
      chain = chain.chain(() -> accounts.find(userId).invoke(a -> users.put(userId, user(a))).replaceWithVoid());
    }
    return chain.map(
        ignored -> {
          List<NoteJson> out = new ArrayList<>(list.size());
          for (IssueComment c : list) {
            out.add(
                new NoteJson(
                    String.valueOf(c.id()),
                    c.userId() == null ? null : users.get(c.userId()),
                    "note",
                    Map.of("text", c.text()),
                    c.createdAt()));
          }
          return out;
        });
  }

  private static UserJson user(Account a) {
    return a == null ? null : new UserJson(String.valueOf(a.userId()), a.name(), a.email(), a.email());
  }
}
