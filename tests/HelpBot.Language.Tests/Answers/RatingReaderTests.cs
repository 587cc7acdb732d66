using HelpBot.Language.Answers;

namespace HelpBot.Language.Tests.Answers;

public sealed class RatingReaderTests
{
    [Theory]
    [InlineData("5", 5)]
    [InlineData("5星", 5)]
    [InlineData("给5星", 5)]
    [InlineData("五星好评", 5)]
    [InlineData("四颗星吧", 4)]
    [InlineData("3分", 3)]
    [InlineData("满分", 5)]
    [InlineData("给个好评", 5)]
    [InlineData("差评", 1)]
    [InlineData("5 stars", 5)]
    [InlineData("great, 5", 5)]
    [InlineData("4/5", 4)]
    [InlineData("i'd say 3 out of 5", 3)]
    [InlineData("⭐⭐⭐⭐", 4)]
    [InlineData("１", 1)]
    [InlineData("terrible, 1 star", 1)]
    [InlineData("five stars!", 5)]
    [InlineData("i'd give it four stars", 4)]
    [InlineData("solid 9/10", 5)]
    [InlineData("maybe 6 out of 10", 3)]
    [InlineData("1/10 honestly", 1)]
    [InlineData("打个 8/10 吧", 4)]
    public void Typed_ratings(string text, int rating) => Assert.Equal(rating, RatingReader.Read(text));

    [Theory]
    [InlineData("10分")]
    [InlineData("12/10")]
    [InlineData("4 or 5")]
    [InlineData("还行吧")]
    [InlineData("thanks bye")]
    [InlineData("2611240000000002")]
    [InlineData("")]
    public void Unclear_or_no_rating(string text) => Assert.Null(RatingReader.Read(text));
}
