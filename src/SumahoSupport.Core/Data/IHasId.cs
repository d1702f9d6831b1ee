namespace SumahoSupport.Core.Data;

/// <summary>An entity with an integer key, so a job can claim rows of different tables the same way.</summary>
public interface IHasId
{
    int Id { get; }
}
