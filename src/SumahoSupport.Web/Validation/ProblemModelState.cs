using Microsoft.AspNetCore.Mvc.ModelBinding;
using SumahoSupport.Core;

namespace SumahoSupport.Web.Validation;

public static class ProblemModelState
{
    /// <summary>
    /// Shows the problems Core found with a draft beside the fields they name: a draft's property is the input model's
    /// property of the same name under <paramref name="prefix"/>; "" is the form as a whole.
    /// </summary>
    public static void AddProblems(this ModelStateDictionary state, string prefix, IEnumerable<Problem> problems)
    {
        foreach (var problem in problems)
            state.AddModelError(problem.Field.Length == 0 ? "" : $"{prefix}.{problem.Field}", problem.Message);
    }
}
