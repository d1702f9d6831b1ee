using System.Linq.Expressions;
using System.Reflection;

namespace SumahoSupport.Core.Data;

/// <summary>
/// A rule written once, as an expression, and used inside compiled queries (<c>EF.CompileAsyncQuery</c>). A compiled query
/// cannot call a method that builds part of it, and a query that is not compiled makes EF walk and hash its whole
/// expression on every call to find its translation — on the booking path, a tenth of the app's time in the 9:00 storm.
/// So a query names a rule with <see cref="Apply{T1,T2,TResult}"/>, and
/// <see cref="Inline{T1,T2,T3,TResult}"/> puts the rule's body there before the query is compiled, its parameters replaced by
/// the arguments given.
/// </summary>
public static class QueryRules
{
    // One overload per shape of query the app compiles: C# infers a lambda's type only against a delegate of its arity.

    /// <summary>The query <paramref name="query"/> with every rule it names written out in place.</summary>
    public static Expression<Func<T1, T2, T3, TResult>> Inline<T1, T2, T3, TResult>(Expression<Func<T1, T2, T3, TResult>> query) => Expand(query);

    /// <inheritdoc cref="Inline{T1,T2,T3,TResult}"/>
    public static Expression<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>> Inline<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>(
        Expression<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>> query) => Expand(query);

    /// <inheritdoc cref="Inline{T1,T2,T3,TResult}"/>
    public static Expression<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>> Inline<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>(
        Expression<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>> query) => Expand(query);

    private static TQuery Expand<TQuery>(TQuery query) where TQuery : LambdaExpression => (TQuery)new Inliner().Visit(query);

    /// <summary>Stands for <paramref name="rule"/>'s body, inside a query given to <see cref="Inline{T1,T2,T3,TResult}"/>.</summary>
    public static TResult Apply<T1, T2, TResult>(this Expression<Func<T1, T2, TResult>> rule, T1 first, T2 second) => throw OutsideInline();

    /// <inheritdoc cref="Apply{T1,T2,TResult}"/>
    public static TResult Apply<T1, T2, T3, TResult>(this Expression<Func<T1, T2, T3, TResult>> rule, T1 first, T2 second, T3 third) =>
        throw OutsideInline();

    private static InvalidOperationException OutsideInline() => new("A query rule is used only inside a query given to QueryRules.Inline.");

    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(QueryRules)) return base.VisitMethodCall(node);
            var rule = (LambdaExpression)Evaluate(node.Arguments[0]);
            var arguments = node.Arguments.Skip(1).Select(Visit).ToList();
            var body = new Substitution(rule.Parameters.Zip(arguments).ToDictionary(pair => pair.First, pair => pair.Second!)).Visit(rule.Body);
            // The rule may itself name rules.
            return Visit(body);
        }

        /// <summary>A rule is a static field or property holding its expression.</summary>
        private static object Evaluate(Expression rule) => rule is MemberExpression { Expression: null, Member: var member }
            ? member switch
            {
                FieldInfo field => field.GetValue(null)!,
                PropertyInfo property => property.GetValue(null)!,
                _ => throw new InvalidOperationException($"A query rule is a static field or property, not {member}."),
            }
            : throw new InvalidOperationException($"A query rule is a static field or property, not {rule}.");
    }

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> arguments) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => arguments.GetValueOrDefault(node, node);

        /// <summary>
        /// A compiled query's parameters are plain values — EF cannot read a member of one — so a query hands a rule a record
        /// built from them (<c>new BookingRequest(name, kana, …)</c>), and the rule's <c>request.Kana</c> becomes that argument.
        /// </summary>
        protected override Expression VisitMember(MemberExpression node)
        {
            var owner = Visit(node.Expression);
            if (owner is NewExpression { Constructor: { } constructor } built
                && constructor.GetParameters().FirstOrDefault(p => p.Name == node.Member.Name) is { } parameter)
                return built.Arguments[parameter.Position];
            return node.Update(owner);
        }
    }
}
