namespace EvoGrains.Core.Search.Book;

/// <summary>
/// Entries [<see cref="From"/>, <see cref="From"/> + <see cref="Take"/>) of sealed history page <see cref="Page"/>.
/// </summary>
public sealed record PageSlice(int Page, int From, int Take);
