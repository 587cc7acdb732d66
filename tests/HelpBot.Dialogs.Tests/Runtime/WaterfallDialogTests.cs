using HelpBot.Dialogs.Engine;
using Microsoft.Bot.Builder;

namespace HelpBot.Dialogs.Tests.Runtime;

public class WaterfallDialogTests
{
    [Fact]
    public async Task Steps_run_in_order_and_each_receives_the_previous_answer()
    {
        var harness = new RuntimeHarness("w", [
            new WaterfallDialog("w", [
                (step, ct) => step.PromptAsync("name", Ask("Your name?"), ct),
                async (step, ct) =>
                {
                    step.SetValue("name", (string)step.Result!);
                    return await step.PromptAsync("age", Ask("Your age?"), ct);
                },
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"{step.GetValue<string>("name")} is {step.Result}", cancellationToken: ct);
                    return await step.EndAsync("done", ct);
                },
            ]),
            new TextPrompt("name"),
            new NumberPrompt("age"),
        ]);

        await harness.Flow()
            .Send("hi").AssertReply("Your name?")
            .Send("Ada").AssertReply("Your age?")
            .Send("thirty six").AssertReply("Ada is 36")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, harness.Results[^1].Status);
        Assert.Equal("done", harness.Results[^1].Result);
        Assert.Equal(0, harness.LastStackDepth);
    }

    [Fact]
    public async Task NextAsync_skips_a_step_without_waiting()
    {
        var harness = new RuntimeHarness("w", [
            new WaterfallDialog("w", [
                (step, ct) => step.NextAsync("skipped-to", ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"got {step.Result}", cancellationToken: ct);
                    return await step.EndAsync(null, ct);
                },
            ]),
        ]);

        await harness.Flow().Send("go").AssertReply("got skipped-to").StartTestAsync();
    }

    [Fact]
    public async Task Options_given_at_begin_are_visible_in_every_step()
    {
        var harness = new RuntimeHarness("outer", [
            new WaterfallDialog("outer", [(step, ct) => step.BeginDialogAsync("inner", new InnerOptions("2611240000000002", 3), ct)]),
            new WaterfallDialog("inner", [
                (step, ct) => step.PromptAsync("text", Ask("Anything?"), ct),
                async (step, ct) =>
                {
                    var options = step.GetOptions<InnerOptions>()!;
                    await step.Context.SendActivityAsync($"{options.OrderNumber}/{options.Count}", cancellationToken: ct);
                    return await step.EndAsync(null, ct);
                },
            ]),
            new TextPrompt("text"),
        ]);

        await harness.Flow()
            .Send("go").AssertReply("Anything?")
            .Send("yes").AssertReply("2611240000000002/3")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_child_dialog_result_resumes_the_parent()
    {
        var harness = new RuntimeHarness("parent", [
            new WaterfallDialog("parent", [
                (step, ct) => step.BeginDialogAsync("child", null, ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"child said {step.Result}", cancellationToken: ct);
                    return await step.EndAsync(null, ct);
                },
            ]),
            new WaterfallDialog("child", [
                (step, ct) => step.PromptAsync("text", Ask("Child asks"), ct),
                (step, ct) => step.EndAsync(((string)step.Result!).ToUpperInvariant(), ct),
            ]),
            new TextPrompt("text"),
        ]);

        await harness.Flow()
            .Send("go").AssertReply("Child asks")
            .Send("abc").AssertReply("child said ABC")
            .StartTestAsync();
        Assert.Equal(0, harness.LastStackDepth);
    }

    [Fact]
    public async Task ReplaceDialog_swaps_the_active_dialog_without_resuming_the_parent_in_between()
    {
        var harness = new RuntimeHarness("a", [
            new WaterfallDialog("a", [(step, ct) => step.ReplaceDialogAsync("b", null, ct)]),
            new WaterfallDialog("b", [
                (step, ct) => step.PromptAsync("text", Ask("In b"), ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync("b done", cancellationToken: ct);
                    return await step.EndAsync(null, ct);
                },
            ]),
            new TextPrompt("text"),
        ]);

        await harness.Flow()
            .Send("go").AssertReply("In b")
            .Send("x").AssertReply("b done")
            .StartTestAsync();
        Assert.Equal(DialogTurnStatus.Complete, harness.Results[^1].Status);
    }

    [Fact]
    public async Task A_stack_naming_a_dialog_that_no_longer_exists_is_dropped_and_the_root_starts()
    {
        var storageHarness = new RuntimeHarness("root", [
            new WaterfallDialog("root", [
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync("root", cancellationToken: ct);
                    return await step.EndAsync(null, ct);
                },
            ]),
        ]);
        var dc = new DialogContext(new DialogSet([]), new TurnContext(new Microsoft.Bot.Builder.Adapters.TestAdapter(), new Microsoft.Bot.Schema.Activity("message")), [new DialogInstance("retired")]);

        var result = await dc.ContinueDialogAsync();

        Assert.Equal(DialogTurnStatus.Empty, result.Status);
        Assert.Empty(dc.Stack);
        await storageHarness.Flow().Send("x").AssertReply("root").StartTestAsync();
    }

    private static PromptOptions Ask(string text) => new() { Prompt = MessageFactory.Text(text) };

    private sealed record InnerOptions(string OrderNumber, int Count);
}
