using System.Text.Json.Nodes;
using RolloutOperator.Controller.Notifications;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Tests.Notifications;

/// <summary>The exact bodies each sink kind receives, as documented in docs/notifications.md.</summary>
public sealed class PayloadTests
{
    private static readonly Uri Address = new("https://hooks.example.com/x");

    [Fact]
    public void Webhook_WithoutTemplate_SendsTheNotificationDocument()
    {
        var message = NotificationPayloads.Build(Jobs.Job(Jobs.Sink(NotificationSinkKind.Webhook, Address)));

        Assert.Equal("application/json", message.ContentType);
        Assert.Empty(message.Headers);
        AssertJson("""
            {
              "id": "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
              "trigger": "on-promoted",
              "reason": "RolloutPromoted",
              "type": "Normal",
              "message": "Revision 7d9f8c6b5 is now stable; revision 5b6c7d8e9 scales down after 30s",
              "time": "2026-12-03T16:00:05Z",
              "rollout": { "namespace": "apps", "name": "web", "uid": "5f1c2d3e-0000-4000-8000-000000000001" },
              "revision": "7d9f8c6b5",
              "step": 2
            }
            """, message.Body);
    }

    [Fact]
    public void Webhook_WithTemplate_RendersThePlaceholders()
    {
        var spec = new RolloutNotifications
        {
            Sinks = [new NotificationSink
            {
                Name = "sink",
                Triggers = ["on-promoted"],
                Webhook = new WebhookSink { Url = Address.ToString(), Body = """{"content":"{{namespace}}/{{rollout}} {{trigger}} {{revision}} at step {{step}} ({{id}})"}""" },
            }],
        };
        var sink = NotificationParser.Parse(spec, "spec.notifications", HostAllowList.All, true, out _)!.Sinks[0];

        var message = NotificationPayloads.Build(Jobs.Job(sink));

        AssertJson("""{"content":"apps/web on-promoted 7d9f8c6b5 at step 2 (0f1e2d3c4b5a69788796a5b4c3d2e1f0)"}""", message.Body);
    }

    [Fact]
    public void Slack_SendsTextAndBlocks_WithMrkdwnEscaped()
    {
        var notification = Jobs.Promoted(sinks: ["sink"]) with { Message = "Revision <7d9> & co" };

        var message = NotificationPayloads.Build(Jobs.Job(Jobs.Sink(NotificationSinkKind.Slack, Address), notification));

        Assert.Equal("application/json", message.ContentType);
        AssertJson("""
            {
              "text": "[apps/web] RolloutPromoted: Revision &lt;7d9&gt; &amp; co",
              "blocks": [
                { "type": "section", "text": { "type": "mrkdwn", "text": "*apps/web* RolloutPromoted (revision `7d9f8c6b5`)\nRevision &lt;7d9&gt; &amp; co" } },
                { "type": "context", "elements": [ { "type": "mrkdwn", "text": "on-promoted · Normal · 2026-12-03T16:00:05Z · id 0f1e2d3c4b5a69788796a5b4c3d2e1f0" } ] }
              ]
            }
            """, message.Body);
    }

    [Fact]
    public void CloudEvents_Structured_SendsTheWholeEventAsCloudEventsJson()
    {
        var message = NotificationPayloads.Build(Jobs.Job(Jobs.Sink(NotificationSinkKind.CloudEvents, Address)));

        Assert.StartsWith("application/cloudevents+json", message.ContentType, StringComparison.Ordinal);
        Assert.Empty(message.Headers);
        AssertJson("""
            {
              "specversion": "1.0",
              "id": "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
              "source": "/apis/rollout-operator.io/namespaces/apps/rollouts/web",
              "type": "io.rollout-operator.rollout.promoted",
              "subject": "7d9f8c6b5",
              "time": "2026-12-03T16:00:05Z",
              "datacontenttype": "application/json",
              "data": {
                "id": "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
                "trigger": "on-promoted",
                "reason": "RolloutPromoted",
                "type": "Normal",
                "message": "Revision 7d9f8c6b5 is now stable; revision 5b6c7d8e9 scales down after 30s",
                "time": "2026-12-03T16:00:05Z",
                "rollout": { "namespace": "apps", "name": "web", "uid": "5f1c2d3e-0000-4000-8000-000000000001" },
                "revision": "7d9f8c6b5",
                "step": 2
              }
            }
            """, message.Body);
    }

    [Fact]
    public void CloudEvents_Binary_SendsAttributesAsHeadersAndTheDocumentAsBody()
    {
        var sink = Jobs.Sink(NotificationSinkKind.CloudEvents, Address) with { Mode = CloudEventsMode.Binary };

        var message = NotificationPayloads.Build(Jobs.Job(sink));

        Assert.Equal("application/json", message.ContentType);
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["ce-specversion"] = "1.0",
                ["ce-id"] = "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
                ["ce-source"] = "/apis/rollout-operator.io/namespaces/apps/rollouts/web",
                ["ce-type"] = "io.rollout-operator.rollout.promoted",
                ["ce-subject"] = "7d9f8c6b5",
                ["ce-time"] = "2026-12-03T16:00:05Z",
            },
            message.Headers.ToDictionary(h => h.Name, h => h.Value));
        Assert.Equal("on-promoted", (string?)JsonNode.Parse(message.Body)!["trigger"]);
    }

    private static void AssertJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}\nactual {actual}");
}
