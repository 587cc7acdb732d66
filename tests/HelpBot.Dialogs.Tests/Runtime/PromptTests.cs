using HelpBot.Dialogs.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HelpBot.Dialogs.Tests.Runtime;

public class PromptTests
{
    [Fact]
    public async Task A_failed_validation_sends_the_retry_prompt_and_a_valid_answer_ends_the_prompt()
    {
        var harness = Single(new TextPrompt("p", (ctx, _) => Task.FromResult(ctx.Recognized.Value!.Length >= 3)));

        await harness.Flow()
            .Send("go").AssertReply("Question?")
            .Send("ab").AssertReply("Retry?")
            .Send("abc").AssertReply("answer: abc")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_validator_that_explains_itself_replaces_the_retry_prompt()
    {
        var harness = Single(new TextPrompt("p", async (ctx, ct) =>
        {
            await ctx.Context.SendActivityAsync($"attempt {ctx.AttemptCount} rejected", cancellationToken: ct);
            return false;
        }));

        await harness.Flow()
            .Send("go").AssertReply("Question?")
            .Send("a").AssertReply("attempt 1 rejected")
            .Send("b").AssertReply("attempt 2 rejected")
            .StartTestAsync();
    }

    [Fact]
    public async Task After_the_last_attempt_the_prompt_gives_up_with_the_exhausted_marker()
    {
        var harness = Single(new NumberPrompt("p"), maxAttempts: 2);

        await harness.Flow()
            .Send("go").AssertReply("Question?")
            .Send("no idea").AssertReply("Retry?")
            .Send("still no idea").AssertReply("gave up")
            .StartTestAsync();
        Assert.Equal(0, harness.LastStackDepth);
    }

    [Theory]
    [InlineData("3", "3")]
    [InlineData("三", "3")]
    [InlineData("twelve", "12")]
    [InlineData("两个", "2")]
    public async Task Number_prompt_understands_digits_and_words_in_both_languages(string input, string expected)
    {
        var harness = Single(new NumberPrompt("p"));
        await harness.Flow().Send("go").AssertReply("Question?").Send(input).AssertReply($"answer: {expected}").StartTestAsync();
    }

    [Theory]
    [InlineData("好的", "True")]
    [InlineData("可以！", "True")]
    [InlineData("Yes.", "True")]
    [InlineData("不行", "False")]
    [InlineData("nope", "False")]
    [InlineData("是", "True")]
    public async Task Confirm_prompt_understands_yes_and_no_in_both_languages(string input, string expected)
    {
        var harness = Single(new ConfirmPrompt("p"));
        await harness.Flow().Send("go").AssertReply("Question?").Send(input).AssertReply($"answer: {expected}").StartTestAsync();
    }

    [Fact]
    public async Task Confirm_prompt_accepts_its_own_button_values_and_retries_on_anything_else()
    {
        var harness = Single(new ConfirmPrompt("p"), choices: [new Choice(ConfirmPrompt.YesValue, "可以"), new Choice(ConfirmPrompt.NoValue, "不行")]);
        await harness.Flow()
            .Send("go").AssertReply("Question?")
            .Send("maybe").AssertReply("Retry?")
            .Send("no").AssertReply("answer: False")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("Delivery is late", "delay")]
    [InlineData("delivery is late!", "delay")]
    [InlineData("2", "delay")]
    [InlineData("第1个", "payment")]
    [InlineData("付款", "payment")]
    [InlineData("ＰＡＹＭＥＮＴ", "payment")]
    public async Task Choice_prompt_matches_title_value_synonym_or_position(string input, string expected)
    {
        var harness = Single(new ChoicePrompt("p"), choices:
        [
            new Choice("payment", "Payment", ["付款", "支付"]),
            new Choice("delay", "Delivery is late"),
        ]);

        await harness.Flow().Send("go").AssertReply("Question?").Send(input).AssertReply($"answer: {expected}").StartTestAsync();
    }

    [Fact]
    public async Task Choice_prompt_rejects_positions_out_of_range()
    {
        var harness = Single(new ChoicePrompt("p"), choices: [new Choice("a"), new Choice("b")]);
        await harness.Flow().Send("go").AssertReply("Question?").Send("3").AssertReply("Retry?").StartTestAsync();
    }

    [Fact]
    public async Task Activities_other_than_messages_do_not_count_as_answers()
    {
        var harness = Single(new TextPrompt("p"));
        await harness.Flow()
            .Send("go").AssertReply("Question?")
            .Send(new Activity(ActivityTypes.Typing))
            .Send("hello").AssertReply("answer: hello")
            .StartTestAsync();
    }

    [Fact]
    public async Task Reprompt_asks_the_original_question_again()
    {
        var harness = Single(new TextPrompt("p"), interruption: new RepeatOnHelp());
        await harness.Flow()
            .Send("go").AssertReply("Question?")
            .Send("help").AssertReply("here is help").AssertReply("Question?")
            .Send("fine").AssertReply("answer: fine")
            .StartTestAsync();
    }

    [Fact]
    public async Task An_interruption_that_cancels_empties_the_stack()
    {
        var harness = Single(new TextPrompt("p"), interruption: new CancelEverything());
        await harness.Flow()
            .Send("go").AssertReply("Question?")
            .Send("cancel").AssertReply("cancelled")
            .StartTestAsync();
        Assert.Equal(0, harness.LastStackDepth);
    }

    private static RuntimeHarness Single(Dialog prompt, int maxAttempts = 3, List<Choice>? choices = null, IDialogInterruption? interruption = null) =>
        new("w", [
            new WaterfallDialog("w", [
                (step, ct) => step.PromptAsync("p", new PromptOptions
                {
                    Prompt = MessageFactory.Text("Question?"),
                    RetryPrompt = MessageFactory.Text("Retry?"),
                    MaxAttempts = maxAttempts,
                    Choices = choices,
                }, ct),
                async (step, ct) =>
                {
                    var text = step.Result switch
                    {
                        PromptAttemptsExhausted => "gave up",
                        FoundChoice found => $"answer: {found.Value}",
                        var value => $"answer: {value}",
                    };
                    await step.Context.SendActivityAsync(text, cancellationToken: ct);
                    return await step.EndAsync(null, ct);
                },
            ]),
            prompt,
        ], interruption is null ? [] : [interruption]);

    private sealed class RepeatOnHelp : IDialogInterruption
    {
        public async Task<bool> TryInterruptAsync(DialogContext dc, CancellationToken cancellationToken)
        {
            if (dc.Context.Activity.Text != "help")
            {
                return false;
            }

            await dc.Context.SendActivityAsync("here is help", cancellationToken: cancellationToken);
            await dc.RepromptDialogAsync(cancellationToken);
            return true;
        }
    }

    private sealed class CancelEverything : IDialogInterruption
    {
        public async Task<bool> TryInterruptAsync(DialogContext dc, CancellationToken cancellationToken)
        {
            if (dc.Context.Activity.Text != "cancel")
            {
                return false;
            }

            await dc.CancelAllDialogsAsync(cancellationToken);
            await dc.Context.SendActivityAsync("cancelled", cancellationToken: cancellationToken);
            return true;
        }
    }
}
